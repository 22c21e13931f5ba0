using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ItqanRecording.TestSupport;

namespace ItqanRecording.Api.Tests.Support;

/// <summary>
/// Debian's nginx in the foreground with a configuration the test writes: everything (pid, logs, temp files) in one
/// throw-away folder, <paramref name="http"/> as the body of its <c>http</c> block. Killed and removed on dispose.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _work;

    private NginxProcess(Process process, DirectoryInfo work)
    {
        _process = process;
        _work = work;
    }

    public static async Task<NginxProcess> StartAsync(DirectoryInfo work, string http, int listensOn)
    {
        var temp = Directory.CreateDirectory(Path.Combine(work.FullName, "nginx-temp")).FullName;
        var configuration = Path.Combine(work.FullName, "nginx.conf");
        await File.WriteAllTextAsync(configuration, $$"""
            daemon off;
            master_process off;
            pid {{work.FullName}}/nginx.pid;
            error_log {{work.FullName}}/error.log warn;
            events {}
            http {
              access_log off;
              client_body_temp_path {{temp}};
              proxy_temp_path {{temp}};
              fastcgi_temp_path {{temp}};
              uwsgi_temp_path {{temp}};
              scgi_temp_path {{temp}};
              {{http}}
            }
            """);

        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed; scripts/install-deps.sh installs nginx-light.");
        var process = Process.Start(new ProcessStartInfo(nginx, ["-p", work.FullName, "-c", configuration])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var started = new NginxProcess(process, work);
        await Poll.UntilAsync(() => Task.FromResult(Listens(listensOn) || process.HasExited), ready => ready, TimeSpan.FromSeconds(20));
        if (process.HasExited)
        {
            var log = Path.Combine(work.FullName, "error.log");
            throw new InvalidOperationException($"nginx exited: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no error log")}");
        }

        return started;
    }

    /// <summary>The shipped front (deploy/nginx/itqan-recording.conf), found above the test's folder.</summary>
    public static string ShippedConfiguration()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "deploy", "nginx", "itqan-recording.conf");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException("deploy/nginx/itqan-recording.conf not found above the test's folder.");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool Listens(int port)
    {
        try
        {
            using var socket = new TcpClient();
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
