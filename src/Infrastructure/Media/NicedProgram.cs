using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ItqanRecording.Application.Common.Abstractions;

namespace ItqanRecording.Infrastructure.Media;

/// <summary>
/// A media program (ffmpeg, the automatic transcriber) run under <c>nice</c>, so the API's requests come first on a
/// busy machine. Cancelling kills it and its children.
/// </summary>
internal static class NicedProgram
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> and answers what it wrote on its standard
    /// output. Throws <see cref="MediaToolException"/>, naming it as <paramref name="name"/>, when it cannot start or
    /// exits other than 0, with its error output as the reason (final when <paramref name="isFinal"/> says so of it).
    /// </summary>
    public static async Task<string> RunAsync(
        string name, string program, IEnumerable<string> arguments, int niceness, Func<string, bool>? isFinal, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("nice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(niceness.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MediaToolException($"{name} could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new MediaToolException($"{name} could not be started: {exception.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0)
            {
                var reason = (await errors).Trim();
                throw new MediaToolException(
                    $"{name} exited with code {process.ExitCode}: {(reason.Length > 0 ? reason : "no message")}",
                    isFinal: isFinal?.Invoke(reason) == true);
            }

            return await output;
        }
    }
}
