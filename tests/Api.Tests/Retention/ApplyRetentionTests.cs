using System.Net;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Catalogue;
using ItqanRecording.Api.Tests.Support;
using ItqanRecording.Application.Recordings.ApplyRetention;
using ItqanRecording.Domain.Recordings;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ItqanRecording.Api.Tests.Retention;

[Collection(ApiCollection.Name)]
public sealed class ApplyRetentionTests(ApiFixture api)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task The_report_lists_only_completed_and_failed_recordings_past_the_period_and_changes_nothing()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var academy = await ArrangeAcademyAsync(academyId);
        var admin = await api.SignedInClientAsync(adminEmail);

        var report = (await admin.GetFromJsonAsync<RetentionReportJson>("/api/admin/retention/report"))!;

        report.DryRun.Should().BeTrue();
        report.Recordings.Select(r => r.Id).Should().Equal(academy.OldCompleted.Id, academy.OldFailed.Id);
        report.Recordings[0].Should().Match<ExpiredRecordingJson>(
            r => r.DisplayName == academy.OldCompleted.DisplayName && r.SizeBytes == 4_000 && r.Status == "completed");
        report.Recordings[1].SizeBytes.Should().BeNull();
        report.Count.Should().Be(2);
        report.TotalBytes.Should().Be(4_000);
        (await StatusesAsync(academy.All)).Should().Equal(RecordingStatus.Completed, RecordingStatus.Failed, RecordingStatus.Completed);
        File.Exists(FileOf(academy.OldCompleted)).Should().BeTrue();
    }

    [Fact]
    public async Task Running_retention_deletes_them_with_their_files_and_an_audit_entry_by_nobody()
    {
        var (academyId, adminEmail) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var academy = await ArrangeAcademyAsync(academyId);
        var admin = await api.SignedInClientAsync(adminEmail);

        var response = await admin.PostAsync("/api/admin/retention/run", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<RetentionReportJson>())!;
        report.DryRun.Should().BeFalse();
        report.Recordings.Select(r => r.Id).Should().Equal(academy.OldCompleted.Id, academy.OldFailed.Id);
        (await StatusesAsync(academy.All)).Should().Equal(RecordingStatus.Deleted, RecordingStatus.Deleted, RecordingStatus.Completed);
        File.Exists(FileOf(academy.OldCompleted)).Should().BeFalse();
        File.Exists(FileOf(academy.Young)).Should().BeTrue();
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryJson>>($"/api/recordings/{academy.OldFailed.Id}/audit"))!;
        audit.Should().ContainSingle().Which.Should().Match<AuditEntryJson>(
            e => e.Action == "deleted" && e.UserId == null && e.UserName == null && e.Details == "retention: older than 30 days");
        var again = await admin.PostAsync("/api/admin/retention/run", null);
        (await again.Content.ReadFromJsonAsync<RetentionReportJson>())!.Count.Should().Be(0);
    }

    [Fact]
    public async Task Retention_never_touches_a_recording_still_recording_or_processing()
    {
        var (academyId, _) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var recording = await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Recording);
        var processing = await api.NewRecordingAsync(academyId, TestData.JustNow(), RecordingStatus.Processing);
        var completed = await api.NewRecordingAsync(academyId, TestData.JustNow());

        // Old recordings left recording or processing are the reconciliation and overdue jobs' to settle, and they
        // would while the test runs; so these start now, and an instance 31 days ahead applies retention.
        RetentionReport report;
        await using (var later = api.StartAnotherInstance(builder => builder.ConfigureTestServices(
                         services => services.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromDays(31))))))
        await using (var scope = later.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ApplyRetentionCommand(academyId, DryRun: false));
        }

        report.Recordings.Select(r => r.Id).Should().Equal(completed.Id);
        (await StatusesAsync([recording, processing, completed])).Should().Equal(
            RecordingStatus.Recording, RecordingStatus.Processing, RecordingStatus.Deleted);
    }

    [Fact]
    public async Task An_admin_runs_retention_for_their_own_academy_only()
    {
        var (ours, ourAdminEmail) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var (theirs, _) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var ourOld = await api.NewRecordingAsync(ours, Now.AddDays(-40));
        var theirOld = await api.NewRecordingAsync(theirs, Now.AddDays(-40));
        var admin = await api.SignedInClientAsync(ourAdminEmail);

        var report = (await (await admin.PostAsync("/api/admin/retention/run", null)).Content.ReadFromJsonAsync<RetentionReportJson>())!;

        report.Recordings.Select(r => r.Id).Should().Equal(ourOld.Id);
        (await StatusesAsync([ourOld, theirOld])).Should().Equal(RecordingStatus.Deleted, RecordingStatus.Completed);
        File.Exists(FileOf(theirOld)).Should().BeTrue();
    }

    [Fact]
    public async Task The_periodic_run_covers_every_academy_with_a_period_and_spares_the_others()
    {
        var (keeping, _) = await api.NewAcademyWithAdminAsync(retentionDays: 30);
        var (forever, _) = await api.NewAcademyWithAdminAsync();
        var expired = await api.NewRecordingAsync(keeping, Now.AddDays(-31));
        var ancient = await api.NewRecordingAsync(forever, Now.AddDays(-3_000));

        RetentionReport report;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ApplyRetentionCommand(AcademyId: null, DryRun: false));
        }

        report.Recordings.Select(r => r.Id).Should().Contain(expired.Id).And.NotContain(ancient.Id);
        (await StatusesAsync([expired, ancient])).Should().Equal(RecordingStatus.Deleted, RecordingStatus.Completed);
        File.Exists(FileOf(ancient)).Should().BeTrue();
    }

    [Theory]
    [InlineData(TestData.Teacher)]
    [InlineData(TestData.Student)]
    public async Task Only_academy_admins_may_see_or_run_retention(string email)
    {
        var user = await api.SignedInClientAsync(email);

        (await user.GetAsync("/api/admin/retention/report")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await user.PostAsync("/api/admin/retention/run", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>With a 30-day period: a completed and a failed recording past it, and a completed one within it.</summary>
    private async Task<ArrangedAcademy> ArrangeAcademyAsync(Guid academyId) => new(
        OldCompleted: await api.NewRecordingAsync(academyId, Now.AddDays(-40), sizeBytes: 4_000),
        OldFailed: await api.NewRecordingAsync(academyId, Now.AddDays(-35), RecordingStatus.Failed),
        Young: await api.NewRecordingAsync(academyId, Now.AddDays(-10)));

    private string FileOf(Domain.Recordings.Recording recording) => Path.Combine(api.StorageRoot, recording.File!.RelativePath);

    private async Task<List<RecordingStatus>> StatusesAsync(IReadOnlyList<Domain.Recordings.Recording> recordings)
    {
        var ids = recordings.Select(r => r.Id).ToList();
        var statuses = await api.WithDbAsync(db => db.Recordings.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status));
        return ids.ConvertAll(id => statuses[id]);
    }

    private sealed record ArrangedAcademy(
        Domain.Recordings.Recording OldCompleted, Domain.Recordings.Recording OldFailed, Domain.Recordings.Recording Young)
    {
        public IReadOnlyList<Domain.Recordings.Recording> All => [OldCompleted, OldFailed, Young];
    }

    /// <summary>The system clock moved by <paramref name="shift"/>.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}

public sealed record ExpiredRecordingJson(Guid Id, Guid AcademyId, string DisplayName, string Status, DateTimeOffset StartedAt, long? SizeBytes);

public sealed record RetentionReportJson(bool DryRun, int Count, long TotalBytes, List<ExpiredRecordingJson> Recordings);
