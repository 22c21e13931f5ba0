namespace ItqanRecording.TestSupport;

/// <summary>Waits for asynchronous work (webhooks, the emulator) with a deadline instead of sleeping.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var value = await read();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met before the deadline; last value: {value}");
            }

            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
