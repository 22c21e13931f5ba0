using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ItqanRecording.Api.Tests.Catalogue;
using ItqanRecording.Api.Tests.Recordings;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.EgressEvents.StopOverdueRecordings;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Domain.Recordings;
using ItqanRecording.Domain.Sessions;
using ItqanRecording.Infrastructure.Jobs;
using ItqanRecording.Infrastructure.Persistence.Seeding;
using ItqanRecording.Infrastructure.Persistence.SessionKinds;
using ItqanRecording.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Api.Tests.SessionKinds;

/// <summary>
/// A fourth session kind, defined only in this test project (its class, its settings, its registration), goes through
/// the real use cases on real PostgreSQL and the LiveKit emulator: listed, access-checked, started, stopped, completed,
/// stopped at its own maximum duration and found in the catalogue, with no production code knowing it.
/// </summary>
[Collection(WorkshopCollection.Name)]
public sealed class FourthSessionKindTests(WorkshopApiFixture api)
{
    [Fact]
    public async Task A_kind_defined_outside_the_service_is_listed_started_stopped_and_completed()
    {
        var sessionId = await NewWorkshopSessionAsync();
        var host = await api.SignedInClientAsync(TestData.Teacher);
        var guest = await api.SignedInClientAsync(TestData.Student);

        (await ListedKindAsync(host, sessionId)).Should().Be("workshop");
        (await ListedKindAsync(guest, sessionId)).Should().Be("workshop");
        var detail = (await host.GetFromJsonAsync<SessionDetailJson>($"/api/sessions/{sessionId}"))!;
        detail.Kind.Should().Be("workshop");
        detail.CanBeRecorded.Should().BeTrue();
        detail.Permissions.Should().Be(new PermissionsJson(CanControlRecording: true, CanAccessRecordings: true));

        var response = await host.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var started = (await response.Content.ReadFromJsonAsync<RecordingJson>())!;
        started.SessionKind.Should().Be("workshop");
        started.DisplayName.Should().StartWith("Kinds workshop - ");
        started.Metadata["topic"].GetString().Should().Be("Kinds");
        started.Metadata["sessionKind"].GetString().Should().Be("workshop");
        (await api.Emulator.EgressAsync(started.EgressId)).Filepath.Should().StartWith($"{ApiFixture.EgressPrefix}/workshop/");
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);

        var stop = await host.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null);
        stop.StatusCode.Should().Be(HttpStatusCode.OK, await stop.Content.ReadAsStringAsync());
        var completed = await guest.WaitForStatusAsync(started.Id, "completed");
        completed.File!.Format.Should().Be("mp4");

        var admin = await api.SignedInClientAsync(TestData.Admin);
        (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?kind=workshop"))!.Items
            .Should().ContainSingle(r => r.Id == started.Id);
        (await admin.GetFromJsonAsync<RecordingPageJson>("/api/recordings?kind=interactive"))!.Items
            .Should().NotContain(r => r.Id == started.Id);
    }

    [Fact]
    public async Task A_kind_defined_outside_the_service_keeps_its_own_access_rules()
    {
        var sessionId = await NewWorkshopSessionAsync();
        var guest = await api.SignedInClientAsync(TestData.Student);
        var outsider = await api.SignedInClientAsync(TestData.Outsider);

        (await guest.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await guest.GetFromJsonAsync<SessionDetailJson>($"/api/sessions/{sessionId}"))!.Permissions
            .Should().Be(new PermissionsJson(CanControlRecording: false, CanAccessRecordings: true));
        (await ListedKindAsync(outsider, sessionId)).Should().BeNull();
        (await outsider.GetAsync($"/api/sessions/{sessionId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await outsider.PostAsync($"/api/sessions/{sessionId}/recordings", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_kind_defined_outside_the_service_is_stopped_at_its_own_maximum_duration()
    {
        var sessionId = await NewWorkshopSessionAsync();
        var host = await api.SignedInClientAsync(TestData.Teacher);
        var response = await host.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var started = (await response.Content.ReadFromJsonAsync<RecordingJson>())!;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        await using var instance = api.StartAnotherInstance(b => b.UseSetting("Recording:MaxDuration:Workshop", "00:00:01"));

        await Poll.UntilAsync(
            async () =>
            {
                await instance.Services.RunJobOnceAsync<OverdueRecordingsJob>();
                return await host.GetRecordingAsync(started.Id);
            },
            r => r.Status != "recording");

        await host.WaitForStatusAsync(started.Id, "completed");
        (await api.AuditOfAsync(started.Id)).Single(e => e.Action == RecordingAuditAction.Stopped).Details
            .Should().Be("Stopped automatically: it reached the maximum duration of 00:00:01 for workshop sessions.");
    }

    [Fact]
    public void A_kinds_settings_come_from_its_registration_and_its_own_configuration_keys()
    {
        var defaults = api.Services.GetRequiredService<IOptions<RecordingOptions>>().Value.DefaultsFor(WorkshopKind.Workshop);

        defaults.Should().Be(new RecordingConfiguration("grid-light", "H264_1080P_30", AudioOnly: false, RecordingFormat.Mp4));
        api.Services.GetRequiredService<IOptions<MaxRecordingDurationOptions>>().Value.Kinds[WorkshopKind.Workshop]
            .Should().Be(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("Recording:Workshop:EncodingPreset", "H264_4K")]
    [InlineData("Recording:MaxDuration:Workshop", "00:00:00")]
    public void A_setting_out_of_range_for_the_new_kind_fails_the_start_up_check_naming_its_key(string key, string value)
    {
        var validate = StartupCheck.With(api, key, value, services => services.AddSessionKind<WorkshopKind>());

        validate.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Contain(key).And.Contain(key.Replace(":", "__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_registered_kinds()
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/swagger/v1/swagger.json"));

        var kind = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("SessionKind");

        kind.GetProperty("type").GetString().Should().Be("string");
        kind.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).Should().Equal("interactive", "quran", "academic", "workshop");
    }

    private static async Task<string?> ListedKindAsync(HttpClient client, Guid sessionId) =>
        (await client.GetFromJsonAsync<List<SessionSummaryJson>>("/api/sessions"))!.SingleOrDefault(s => s.Id == sessionId)?.Kind;

    private Task<Guid> NewWorkshopSessionAsync() => api.WithDbAsync(async db =>
    {
        var academy = await db.Academies.SingleAsync(a => a.Id == DemoData.AcademyId);
        var workshop = new Workshop(Guid.NewGuid(), academy.Id, "Kinds", DemoData.TeacherId, DemoData.StudentId, recordingEnabled: true);
        var sessionId = Guid.NewGuid();
        db.Add(workshop);
        db.Sessions.Add(new WorkshopSession(
            sessionId, academy, workshop, DateTimeOffset.UtcNow, SessionStatus.Ready, DemoData.RoomNameFor(WorkshopKind.Workshop, sessionId)));
        await db.SaveChangesAsync();
        return sessionId;
    });
}
