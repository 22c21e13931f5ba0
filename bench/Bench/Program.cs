using ItqanRecording.Bench;
using ItqanRecording.Bench.Catalogue;
using ItqanRecording.Bench.Egress;
using ItqanRecording.Bench.Media;
using ItqanRecording.Bench.Micro;
using ItqanRecording.Bench.ObjectStore;
using ItqanRecording.Bench.Reporting;
using ItqanRecording.Bench.RoundTrips;
using ItqanRecording.Bench.Webhooks;

// The tool behind scripts/bench.sh. Each command does one step; the script strings them together.
var command = args.Length > 0 ? args[0] : "help";
var options = Arguments.Parse(args.Skip(1));
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return command switch
    {
        "seed" => await CatalogueSeeder.RunAsync(options, cancellation.Token),
        "webhooks" => await WebhookRequests.WriteIgnoredAsync(options, cancellation.Token),
        "egress-prepare" => await EgressEndedScenario.PrepareAsync(options, cancellation.Token),
        "egress-verify" => await EgressEndedScenario.VerifyAsync(options, cancellation.Token),
        "capture-sql" => await StatementCapture.RunAsync(options, cancellation.Token),
        "raw-sql" => await RawQueryRunner.RunAsync(options, cancellation.Token),
        "explain" => await QueryPlans.RunAsync(options, cancellation.Token),
        "start-stop" => await StartStopScenario.RunAsync(options, cancellation.Token),
        "pg-count" => await RoundTripCounter.RunAsync(options, cancellation.Token),
        "object-store-seed" => await ObjectStoreSeeder.RunAsync(options, cancellation.Token),
        "object-store-stream" => await ObjectStoreStreaming.RunAsync(options, cancellation.Token),
        "media-cost" => await MediaCost.RunAsync(options, cancellation.Token),
        "report" => await Report.RunAsync(options, cancellation.Token),
        "micro" => WebhookReceiverBenchmarks.Run(args.Skip(1).ToArray()),
        _ => Usage(),
    };
}
catch (CommandLineException exception)
{
    await Console.Error.WriteLineAsync($"bench: {exception.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine(
        """
        usage: ItqanRecording.Bench <command> [--option value ...]
          seed            generate the million-row catalogue with COPY
          webhooks        write signed track_published requests for wrk
          egress-prepare  add processing recordings and write their signed egress_ended requests
          egress-verify   count the prepared recordings that were completed
          capture-sql     extract the statements one API request ran from the PostgreSQL log
          raw-sql         run captured statements directly through Npgsql (the catalogue's reference)
          explain         EXPLAIN (ANALYZE, BUFFERS) of captured statements
          start-stop      start + stop through the API and directly against the emulator
          pg-count        relay to PostgreSQL counting round trips and statements (--listen, --upstream, --control)
          object-store-seed    move the stream recording into the bucket of tools/CephGateway (its settings file)
          object-store-stream  1 MiB ranges of it: through the API's redirect (--mode api) or straight from the store (direct)
          media-cost      CPU of the media jobs' ffmpeg calls on a real video and audio file (--video, --audio, --out)
          report          write docs/performance.md from the results folder
          micro           BenchmarkDotNet: webhook verification and parsing
        """);
    return 2;
}
