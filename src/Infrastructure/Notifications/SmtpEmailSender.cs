using System.Net;
using System.Net.Mail;
using System.Text;
using ItqanRecording.Application.Common.Abstractions;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Notifications;

/// <summary>Sends each email in one SMTP conversation with the configured server (<see cref="SmtpOptions"/>).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.UseTls, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var mail = new MailMessage(smtp.From, message.To, message.Subject, message.Body)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}
