using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ItqanRecording.Application.Common.Egress;
using ItqanRecording.Bench.Webhooks;
using ItqanRecording.Infrastructure.LiveKit;
using Microsoft.Extensions.Options;
using ItqanRecording.LiveKitWebhookSigning;

namespace ItqanRecording.Bench.Micro;

/// <summary>
/// The webhook hot path, <see cref="LiveKitWebhookReceiver.Receive"/>, on a 1.6 KB track_published and on an
/// egress_ended, and its parts (JWT validation is what remains after the hash and the parse). Short job, in process:
/// under two minutes. <c>dotnet run -c Release --project bench/Bench -- micro</c>.
/// </summary>
[MemoryDiagnoser]
public class WebhookReceiverBenchmarks
{
    private const string ApiKey = "bench-key";
    private const string ApiSecret = "bench-livekit-secret-0123456789abcdef0123";

    private readonly LiveKitWebhookReceiver _receiver = new(
        Options.Create(new LiveKitOptions { ApiKey = ApiKey, ApiSecret = ApiSecret, Url = "http://127.0.0.1:7880" }), TimeProvider.System);

    private byte[] _trackPublished = [];
    private string _trackPublishedToken = "";
    private byte[] _egressEnded = [];
    private string _egressEndedToken = "";

    public static int Run(string[] args)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<WebhookReceiverBenchmarks>(config, args);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }

    [GlobalSetup]
    public void Setup()
    {
        var signer = new LiveKitWebhookSigner(ApiKey, ApiSecret);
        var now = DateTime.UtcNow;
        var seconds = new DateTimeOffset(now).ToUnixTimeSeconds();
        _trackPublished = Encoding.UTF8.GetBytes(WebhookBodies.TrackPublished(42, seconds));
        _trackPublishedToken = signer.Sign(_trackPublished, now, TimeSpan.FromHours(1));
        _egressEnded = Encoding.UTF8.GetBytes(WebhookBodies.EgressEnded(
            "EV_bench0001", "EG_bench000001", "itqan-interactive-7f3c2a10", "/recordings/bench/egress-ended.mp4", 45_678_901, seconds));
        _egressEndedToken = signer.Sign(_egressEnded, now, TimeSpan.FromHours(1));
    }

    [Benchmark]
    public LiveKitWebhookEvent ReceiveTrackPublished() => _receiver.Receive(_trackPublishedToken, _trackPublished);

    [Benchmark]
    public LiveKitWebhookEvent ReceiveEgressEnded() => _receiver.Receive(_egressEndedToken, _egressEnded);

    [Benchmark]
    public LiveKitWebhookEvent ParseEgressEnded() => EgressJsonReader.ReadWebhookEvent(_egressEnded);

    [Benchmark]
    public byte[] HashTrackPublished() => SHA256.HashData(_trackPublished);
}
