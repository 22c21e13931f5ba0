using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Files;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Notifications;
using ItqanRecording.Application.Notifications.NotifyOpenPages;
using ItqanRecording.Infrastructure.Notifications;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ItqanRecording.Api.Tests.Notifications;

/// <summary>
/// A recording its students can watch reaches them and its teacher as a ready notification: in the in-app list
/// (unread until seen), at once on a page they have open (on any instance), and by email when SMTP is configured.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReadyNotificationsTests(ApiFixture api)
{
    [Fact]
    public async Task A_recording_published_when_it_completes_is_in_its_students_and_teachers_list_unread_until_seen()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        var student = await api.SignedInClientAsync(academy.StudentEmail);
        var admin = await api.SignedInClientAsync(academy.AdminEmail);

        var recording = await api.RecordClassAsync(teacher, academy.SessionId);

        var students = await ListAsync(student);
        students.Items.Should().ContainSingle().Which.Should().Match<NotificationJson>(n =>
            n.RecordingId == recording.Id && n.DisplayName == recording.DisplayName && n.SessionKind == "interactive" && n.Reason == "ready" && n.Unread);
        students.UnreadCount.Should().Be(1);
        (await ListAsync(teacher)).Items.Select(n => n.RecordingId).Should().Equal(recording.Id);
        (await ListAsync(admin)).Items.Should().BeEmpty("the admin neither teaches nor attends the class");

        var seen = await student.PostAsJsonAsync("/api/me/notifications/seen", new { upTo = students.Items[0].At });
        seen.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var after = await ListAsync(student);
        (after.UnreadCount, after.Items.Single().Unread).Should().Be((0, false));
        (await ListAsync(teacher)).UnreadCount.Should().Be(1, "each person sees for themselves");

        (await student.PostAsJsonAsync("/api/me/notifications/seen", new { upTo = students.Items[0].At.AddDays(-1) }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ListAsync(student)).UnreadCount.Should().Be(0, "an older moment does not make anything unread again");
    }

    [Fact]
    public async Task A_recording_awaiting_review_tells_its_teacher_it_waits_and_its_students_only_once_published_and_not_while_hidden()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var admin = await api.SignedInClientAsync(academy.AdminEmail);
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        var student = await api.SignedInClientAsync(academy.StudentEmail);
        (await admin.PutAsJsonAsync("/api/admin/publishing", new { reviewBeforePublishing = true, byKind = new { } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var recording = await api.RecordClassAsync(teacher, academy.SessionId);
        (await ListAsync(student)).Items.Should().BeEmpty("it awaits review");
        var waiting = await ListAsync(teacher);
        waiting.Items.Should().ContainSingle().Which.Should().Match<NotificationJson>(n =>
            n.RecordingId == recording.Id && n.Reason == "awaiting_review" && n.Unread, "its teacher is asked to review it");
        waiting.UnreadCount.Should().Be(1);
        (await ListAsync(admin)).Items.Should().BeEmpty("the review is the class's teacher's");

        (await teacher.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "published" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var published = await ListAsync(student);
        published.Items.Select(n => (n.RecordingId, n.Unread)).Should().Equal((recording.Id, true));
        (await ListAsync(teacher)).Items.Select(n => n.Reason).Should().Equal(["ready"], "reviewed, it is ready instead");

        (await teacher.PutAsJsonAsync($"/api/recordings/{recording.Id}/publication", new { publication = "hidden" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync(student)).Should().BeEquivalentTo(new NotificationsJson([], 0), "a hidden recording is not news");
        (await ListAsync(teacher)).Items.Should().BeEmpty("nor to its teacher, who hid it");
    }

    [Fact]
    public async Task A_page_open_on_another_instance_hears_at_once_that_a_recording_of_its_class_is_ready()
    {
        var academy = await api.NewAcademyWithClassAsync();
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        await using var other = api.StartAnotherInstance();
        await Poll.UntilAsync(() => Task.FromResult(other.Services.GetRequiredService<RecordingAvailabilityListener>().IsListening), listening => listening);
        var student = await other.SignedInClientAsync(academy.StudentEmail);
        var admin = await other.SignedInClientAsync(academy.AdminEmail);
        using var studentsPage = await EventStream.OpenAsync(student);
        using var adminsPage = await EventStream.OpenAsync(admin);
        (await studentsPage.NextAsync()).Event.Should().Be("ping", "the stream says it is listening");
        (await adminsPage.NextAsync()).Event.Should().Be("ping");

        var recording = await api.RecordClassAsync(teacher, academy.SessionId);

        var ready = await studentsPage.NextAsync();
        ready.Event.Should().Be("recording_ready");
        ready.Data.Should().Contain(recording.Id.ToString());
        var adminHeard = await adminsPage.NextOrNullAsync(TimeSpan.FromSeconds(2));
        adminHeard.Should().BeNull("the admin is not of the class's audience");
    }

    [Fact]
    public async Task An_instance_with_no_page_open_looks_nothing_up_when_it_hears_of_a_ready_recording()
    {
        // Every instance hears of every ready recording; the database and the session finder are not there to be asked.
        var handler = new NotifyOpenPagesHandler(db: null!, sessions: null!, new ReadyNotificationHub());

        await handler.Handle(new NotifyOpenPagesCommand(Guid.NewGuid()), CancellationToken.None);

        var hub = new ReadyNotificationHub();
        using (hub.Subscribe(Guid.NewGuid()))
        {
            hub.HasOpenPages.Should().BeTrue();
        }

        hub.HasOpenPages.Should().BeFalse("the page closed");
    }

    [Fact]
    public async Task With_an_smtp_server_configured_the_students_and_teacher_are_emailed_once_with_a_link()
    {
        await using var smtp = await SmtpServerProcess.StartAsync();
        var academy = await api.NewAcademyWithClassAsync();
        var teacher = await api.SignedInClientAsync(academy.TeacherEmail);
        var recording = await api.RecordClassAsync(teacher, academy.SessionId);
        await using var mailer = api.StartAnotherInstance(builder => builder
            .UseSetting("Smtp:Host", "127.0.0.1")
            .UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Smtp:From", "recordings@academy.example")
            .UseSetting("Smtp:SendInterval", "01:00:00")
            .UseSetting("Notifications:AppUrl", "https://learn.academy.example/"));
        var job = mailer.Services.GetServices<IHostedService>().OfType<ReadyEmailJob>().Single();

        (await job.RunOnceAsync(CancellationToken.None)).Should().BeTrue();
        (await job.RunOnceAsync(CancellationToken.None)).Should().BeTrue();

        var ours = smtp.Messages().Where(m => m.Contains(recording.Id.ToString(), StringComparison.Ordinal)).ToList();
        ours.Should().HaveCount(2, "one email each to the student and the teacher, and a second run sends none again");
        ours.Should().ContainSingle(m => m.Contains($"To: {academy.StudentEmail}", StringComparison.OrdinalIgnoreCase));
        ours.Should().ContainSingle(m => m.Contains($"To: {academy.TeacherEmail}", StringComparison.OrdinalIgnoreCase));
        ours.Should().AllSatisfy(m =>
        {
            m.Should().Contain("From: recordings@academy.example");
            m.Should().Contain($"https://learn.academy.example/recordings/{recording.Id}");
        });
    }

    [Fact]
    public async Task Marking_notifications_seen_without_a_moment_is_a_validation_problem()
    {
        var student = await api.SignedInClientAsync(TestData.Student);

        await (await student.PostAsJsonAsync("/api/me/notifications/seen", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
        await (await student.PostAsJsonAsync("/api/me/notifications/seen", new { upTo = "yesterday" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_request");
    }

    private static async Task<NotificationsJson> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/me/notifications");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<NotificationsJson>())!;
    }

    private sealed record NotificationsJson(List<NotificationJson> Items, int UnreadCount);

    private sealed record NotificationJson(Guid RecordingId, string DisplayName, string SessionKind, string Reason, DateTimeOffset At, bool Unread);

    /// <summary>An open <c>/api/me/notifications/events</c> stream, read one event at a time.</summary>
    private sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public static async Task<EventStream> OpenAsync(HttpClient client)
        {
            var response = await client.GetAsync("/api/me/notifications/events", HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
            response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
            return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public async Task<(string Event, string Data)> NextAsync() =>
            await NextOrNullAsync(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("No event within 30 s");

        public async Task<(string Event, string Data)?> NextOrNullAsync(TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            var (name, data) = ("message", string.Empty);
            try
            {
                while (await reader.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (line.Length == 0)
                    {
                        return (name, data);
                    }

                    if (line.StartsWith("event: ", StringComparison.Ordinal))
                    {
                        name = line["event: ".Length..];
                    }
                    else if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        data += line["data: ".Length..];
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            return null;
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
