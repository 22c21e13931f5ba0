using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ItqanRecording.Bench.RoundTrips;

/// <summary>
/// A TCP relay between an API instance and PostgreSQL that counts the database round trips the API makes: a round
/// trip is a burst of bytes from the client after the server last answered (or the first on the connection), so a
/// batch of statements, or a statement Npgsql sends with BEGIN or the pool's reset in front of it, is one, as it costs
/// one wait for the network. It also counts the statements sent (Execute and simple Query messages of the PostgreSQL
/// protocol). The counts are host-independent, unlike times. A connection on the control port is answered with
/// "round-trips statements\n". The relay itself adds latency, so only the counting pass runs through it.
/// </summary>
public static class RoundTripCounter
{
    private static long s_roundTrips;
    private static long s_statements;

    public static async Task<int> RunAsync(Arguments options, CancellationToken cancellationToken)
    {
        var upstream = new IPEndPoint(IPAddress.Loopback, int.Parse(options.Get("upstream"), CultureInfo.InvariantCulture));
        var listener = new TcpListener(IPAddress.Loopback, int.Parse(options.Get("listen"), CultureInfo.InvariantCulture));
        var control = new TcpListener(IPAddress.Loopback, int.Parse(options.Get("control"), CultureInfo.InvariantCulture));
        listener.Start();
        control.Start();
        Console.WriteLine($"pg-count: relaying {listener.LocalEndpoint} to {upstream}, counts on {control.LocalEndpoint}");
        var answering = AnswerCountsAsync(control, cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                _ = RelayAsync(client, upstream, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await answering;
        return 0;
    }

    private static async Task AnswerCountsAsync(TcpListener control, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var asker = await control.AcceptTcpClientAsync(cancellationToken);
                await using var stream = asker.GetStream();
                var line = string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref s_roundTrips)} {Interlocked.Read(ref s_statements)}\n");
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(line), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task RelayAsync(TcpClient client, IPEndPoint upstream, CancellationToken cancellationToken)
    {
        using var _ = client;
        using var server = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        await server.ConnectAsync(upstream, cancellationToken);
        var connection = new Connection();
        await using var fromClient = client.GetStream();
        await using var toServer = server.GetStream();
        var up = PumpAsync(fromClient, toServer, connection.FromClient, cancellationToken);
        var down = PumpAsync(toServer, fromClient, connection.FromServer, cancellationToken);
        await Task.WhenAny(up, down);
        client.Close();
        server.Close();
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, Action<ReadOnlyMemory<byte>> observe, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                observe(buffer.AsMemory(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// One client's protocol state: the client's messages are parsed only to count statements (after the untyped
    /// start-up message, every message is a type byte and a length that includes itself).
    /// </summary>
    private sealed class Connection
    {
        private readonly Lock _gate = new();
        private bool _serverSpokeLast = true;
        private bool _started;
        private int _headerFilled;
        private readonly byte[] _header = new byte[5];
        private long _bodyLeft;

        public void FromServer(ReadOnlyMemory<byte> bytes)
        {
            lock (_gate)
            {
                _serverSpokeLast = true;
            }
        }

        public void FromClient(ReadOnlyMemory<byte> bytes)
        {
            lock (_gate)
            {
                if (_serverSpokeLast && _started)
                {
                    Interlocked.Increment(ref s_roundTrips);
                }

                _serverSpokeLast = false;
                Parse(bytes.Span);
            }
        }

        private void Parse(ReadOnlySpan<byte> bytes)
        {
            while (bytes.Length > 0)
            {
                if (_bodyLeft > 0)
                {
                    var skip = (int)Math.Min(_bodyLeft, bytes.Length);
                    _bodyLeft -= skip;
                    bytes = bytes[skip..];
                    continue;
                }

                // The start-up message (and an SSL request before it) has no type byte: a 4-byte length only.
                var headerLength = _started ? 5 : 4;
                var take = Math.Min(headerLength - _headerFilled, bytes.Length);
                bytes[..take].CopyTo(_header.AsSpan(_headerFilled));
                _headerFilled += take;
                bytes = bytes[take..];
                if (_headerFilled < headerLength)
                {
                    return;
                }

                _headerFilled = 0;
                if (_started)
                {
                    var type = (char)_header[0];
                    if (type is 'E' or 'Q')
                    {
                        Interlocked.Increment(ref s_statements);
                    }

                    _bodyLeft = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(1)) - 4;
                }
                else
                {
                    var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(_header);
                    _bodyLeft = length - 4;
                    // An SSL or GSS request is followed by another untyped message; the counting API disables both.
                    _started = true;
                }
            }
        }
    }
}
