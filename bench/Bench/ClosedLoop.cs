using System.Diagnostics;

namespace ItqanRecording.Bench;

/// <summary>
/// A closed-loop load of our own (where wrk cannot do the request): <c>concurrency</c> workers, each sending its next
/// request as soon as the last one is answered, for the given time. Request <c>n</c> is numbered across all workers;
/// it returns the bytes it received. A failure the caller expects (<c>isFailure</c>) is counted, the first one printed.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadResult> RunAsync(
        string tool,
        int concurrency,
        TimeSpan duration,
        Func<long, CancellationToken, Task<long>> request,
        Func<Exception, bool> isFailure,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long next = -1;
        long errors = 0;
        long bytes = 0;
        var perWorker = new List<double>[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var latencies = perWorker[worker] = new List<double>(100_000);
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    Interlocked.Add(ref bytes, await request(Interlocked.Increment(ref next), cancellationToken));
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (Exception exception) when (isFailure(exception))
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        await Console.Error.WriteLineAsync($"{tool}: {exception.Message}");
                    }
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return LoadResult.FromLatencies(tool, concurrency, [.. perWorker.SelectMany(l => l)], clock.Elapsed.TotalSeconds, bytes, errors);
    }
}
