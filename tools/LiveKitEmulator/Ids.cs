using System.Security.Cryptography;

namespace ItqanRecording.LiveKitEmulator;

/// <summary>LiveKit-style identifiers: a prefix such as <c>EG_</c> and 12 random alphanumerics.</summary>
public static class Ids
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix) => prefix + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 12));
}
