using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ItqanRecording.LiveKitEmulator;

/// <summary>The emulated server's single API key pair, as used for API tokens and webhook signatures.</summary>
public sealed class ApiCredentials(IOptions<EmulatorOptions> options)
{
    public string ApiKey { get; } = options.Value.ApiKey;

    /// <summary>HS256 key: the UTF-8 bytes of the API secret.</summary>
    public SymmetricSecurityKey SigningKey { get; } = new(Encoding.UTF8.GetBytes(options.Value.ApiSecret));
}
