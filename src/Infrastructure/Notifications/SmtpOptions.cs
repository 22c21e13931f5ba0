using System.ComponentModel.DataAnnotations;

namespace ItqanRecording.Infrastructure.Notifications;

/// <summary>
/// The SMTP server ready notifications are emailed through (section <c>Smtp</c>); email is off while
/// <see cref="Host"/> is empty.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS before sending (<c>Smtp:UseTls</c>); a server on the same host may do without.</summary>
    public bool UseTls { get; set; }

    /// <summary>Set both to sign in to the server; leave both empty for a relay that does not ask.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required(AllowEmptyStrings = false)]
    [EmailAddress]
    public string From { get; set; } = "recordings@itqan.local";

    /// <summary>How often recordings that became watchable are emailed about (<c>Smtp:SendInterval</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
