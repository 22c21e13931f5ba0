using System.Diagnostics;
using System.Net.Sockets;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>
/// Debian's aiosmtpd (<c>python3 -m aiosmtpd</c>, package python3-aiosmtpd) on a free loopback port, keeping every
/// message it accepts as a file in a Maildir of its own. Killed and removed on dispose.
/// </summary>
public sealed class SmtpServerProcess : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly DirectoryInfo _maildir;

    private SmtpServerProcess(Process process, DirectoryInfo maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServerProcess> StartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException("Debian's python3 is not installed; scripts/install-deps.sh installs python3-aiosmtpd.");
        }

        var maildir = Directory.CreateTempSubdirectory("itqan-smtp-");
        var port = FreeTcpPort.Next();
        var process = Process.Start(new ProcessStartInfo(
            Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(maildir.FullName, "mail")])
        {
            RedirectStandardError = true,
        })!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, line) => errors.Enqueue(line.Data ?? string.Empty);
        process.BeginErrorReadLine();
        var server = new SmtpServerProcess(process, maildir, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited: {string.Join('\n', errors)}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The messages received so far: their headers as sent, a blank line, and the body decoded from base64.</summary>
    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(_maildir.FullName, "mail", "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(File.ReadAllText).Select(Decoded)] : [];
    }

    private static string Decoded(string message)
    {
        var split = message.ReplaceLineEndings("\n").Split("\n\n", 2);
        var (headers, body) = (split[0], split.Length > 1 ? split[1] : string.Empty);
        return headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? $"{headers}\n\n{System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n')).Trim()))}"
            : message;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _maildir.Delete(recursive: true);
    }
}
