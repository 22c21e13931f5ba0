namespace ItqanRecording.Application.Common.Abstractions;

/// <summary>A plain-text email to one person.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends email through the configured SMTP server (registered only when one is configured).</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
