using System.ComponentModel.DataAnnotations;

namespace ItqanRecording.Application.Notifications;

/// <summary>Ready notifications (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Where people open the app, for the links in emails (<c>Notifications:AppUrl</c>).</summary>
    [Required]
    public Uri AppUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>How far back the in-app list goes (<c>Notifications:ListWindow</c>).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan ListWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Recordings that became watchable longer ago than this are not emailed about (<c>Notifications:EmailWithin</c>),
    /// so turning email on, or an SMTP server away for a while, does not send a backlog of old news.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan EmailWithin { get; set; } = TimeSpan.FromDays(1);
}
