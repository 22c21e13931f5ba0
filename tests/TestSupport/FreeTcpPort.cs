using System.Net;
using System.Net.Sockets;

namespace ItqanRecording.TestSupport;

/// <summary>Finds a TCP port on the loopback interface that nothing listens on right now.</summary>
public static class FreeTcpPort
{
    /// <summary>
    /// Asks the OS for a free port by binding to port 0 and releasing it again. Another process may take the
    /// port before the caller binds it, so callers that start a server should retry with a new port on
    /// "address in use".
    /// </summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
