using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ItqanRecording.Api.Tests.Reliability;
using ItqanRecording.Api.Tests.Support;

namespace ItqanRecording.Api.Tests.Cluster;

/// <summary>
/// Two API instances behind the shipped nginx front as a load balancer (its upstream with both), on one database and
/// one recordings store: the fixture's instance, which LiveKit's webhooks reach, and a second one. A class started
/// on the second completes through the webhooks the first receives, and its file streams through the balancer
/// whichever instance answers.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LoadBalancedInstancesTests(ApiFixture api) : IAsyncLifetime
{
    private readonly RequestCounter _secondServed = new();
    private ApiInstance _second = null!;
    private LoadBalancer _balancer = null!;

    public async Task InitializeAsync()
    {
        await api.Emulator.ClearFaultsAsync();
        _second = api.StartAnotherInstance(_secondServed.CountRequestsOf);
        _balancer = await LoadBalancer.StartAsync(api.StorageRoot, api.BaseAddress, _second.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _balancer.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_class_started_on_one_instance_completes_through_the_other_and_streams_through_the_balancer()
    {
        var sessionId = await api.NewInteractiveSessionAsync();
        var teacherOnSecond = await _second.SignedInClientAsync(TestData.Teacher);
        var start = await teacherOnSecond.PostAsync($"/api/sessions/{sessionId}/recordings", null);
        start.StatusCode.Should().Be(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var started = (await start.Content.ReadFromJsonAsync<RecordingJson>())!;
        var recordingId = started.Id;
        await api.Emulator.WaitUntilActiveAsync(started.EgressId);
        (await teacherOnSecond.PostAsync($"/api/sessions/{sessionId}/recordings/stop", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        // LiveKit's webhooks go to the fixture's instance only; the second sees what they did through the database.
        await teacherOnSecond.WaitForStatusAsync(recordingId, "completed");
        var whole = await (await teacherOnSecond.GetAsync($"/api/recordings/{recordingId}/download")).Content.ReadAsByteArrayAsync();
        whole.Length.Should().BeGreaterThan(1000);

        var student = new HttpClient { BaseAddress = _balancer.BaseAddress };
        await ApiFixture.SignInAsync(student, TestData.Student, TestData.Password);
        var servedBefore = _secondServed.Count;
        const int Requests = 8;
        for (var i = 0; i < Requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{recordingId}/stream");
            request.Headers.Range = new RangeHeaderValue(100 * i, (100 * i) + 99);
            var response = await student.SendAsync(request);

            response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(whole[(100 * i)..((100 * i) + 100)]);
        }

        // nginx took turns: the second instance answered some of the streams, the fixture's instance the others.
        _secondServed.Count.Should().BeInRange(servedBefore + 1, servedBefore + Requests - 1);
    }
}
