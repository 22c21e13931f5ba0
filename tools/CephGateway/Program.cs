using System.Globalization;
using ItqanRecording.TestSupport;

// A throw-away Ceph RADOS Gateway for `make run-cluster` and `make bench`: the one the tests use
// (tests/TestSupport/CephObjectGateway.cs), with one bucket, the API's keys and write-only keys for LiveKit's egress.
// It writes the API's Storage__* settings to the file given, then runs until SIGTERM or Ctrl-C; the daemons and
// their folder go with it (and, should this process be killed outright, with its watchdog). Objects live in memory.
//
//   dotnet ItqanRecording.CephGateway.dll ENV_FILE
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ItqanRecording.CephGateway ENV_FILE");
    return 2;
}

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
using var terminating = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stopping.Cancel();
    });

await using var gateway = await CephObjectGateway.StartAsync(stopping.Token);
var bucket = await gateway.CreateBucketAsync("itqan-recordings", stopping.Token);
var egress = await gateway.CreateWriteOnlyKeysAsync("egress", stopping.Token);
var settings = new Dictionary<string, string>
{
    ["Storage__Provider"] = "S3",
    ["Storage__S3__ServiceUrl"] = gateway.Endpoint.ToString(),
    ["Storage__S3__Region"] = CephObjectGateway.Region,
    ["Storage__S3__Bucket"] = bucket,
    ["Storage__S3__ForcePathStyle"] = "true",
    ["Storage__S3__AccessKey"] = gateway.AccessKey,
    ["Storage__S3__SecretKey"] = gateway.SecretKey,
    ["Storage__S3__Egress__AccessKey"] = egress.AccessKey,
    ["Storage__S3__Egress__SecretKey"] = egress.SecretKey,
};
var file = args[0];
await File.WriteAllLinesAsync(file + ".tmp", settings.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value}")), stopping.Token);
File.Move(file + ".tmp", file, overwrite: true);
Console.WriteLine($"{gateway.Description}, bucket {bucket}; settings in {file}");

try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopping the gateway");
}

return 0;
