// Two use-case folders that need each other, for UseCaseCycleTests to prove its rule finds such a circle; two more
// that use others one way, which is allowed. Pin's name begins like Ping's, so a rule that matched names by their
// first letters (Echo uses Ping, which is not Pin) would report Pin and Echo as a circle too.
namespace ItqanRecording.Architecture.Tests.CycleFixture.Feature.Ping
{
    internal static class PingMessage
    {
        public static async Task<string> SendAsync() => await Task.FromResult(Pong.PongMessage.Name);
    }
}

namespace ItqanRecording.Architecture.Tests.CycleFixture.Feature.Pong
{
    internal static class PongMessage
    {
        public static string Name => typeof(Ping.PingMessage).Name;
    }
}

namespace ItqanRecording.Architecture.Tests.CycleFixture.Feature.Echo
{
    internal static class EchoMessage
    {
        public static string Name => typeof(Ping.PingMessage).Name;
    }
}

namespace ItqanRecording.Architecture.Tests.CycleFixture.Feature.Pin
{
    internal static class PinMessage
    {
        public static string Name => Echo.EchoMessage.Name;
    }
}
