using System.Xml.Linq;
using ItqanRecording.Application.Recordings;
using ItqanRecording.Infrastructure.Storage;
using ItqanRecording.Infrastructure.Tests.LiveKit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ItqanRecording.Infrastructure.Tests.Storage;

public sealed class DataProtectionRecordingLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 25, 600, TimeSpan.Zero);
    private static readonly Guid RecordingId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-00000000aa01");
    private static readonly Guid UserId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c1");

    // The key store every instance of the API shares (the database, in production).
    private readonly InMemoryKeyStore _keys = new();

    [Fact]
    public void Both_links_expire_together_after_the_configured_lifetime_in_whole_seconds()
    {
        var links = Signer(TimeSpan.FromMinutes(10)).SignFileLinks(RecordingId, UserId);

        links.Stream.ExpiresAt.Should().Be(new DateTimeOffset(2026, 11, 25, 14, 40, 25, TimeSpan.Zero));
        links.Download.ExpiresAt.Should().Be(links.Stream.ExpiresAt);
        links.Stream.Should().Match<RecordingLink>(l => l.RecordingId == RecordingId && l.UserId == UserId && l.Action == RecordingFileAction.Stream);
        links.Download.Action.Should().Be(RecordingFileAction.Download);
    }

    [Fact]
    public void A_link_is_authentic_as_it_was_signed()
    {
        var signer = Signer();
        var links = signer.SignFileLinks(RecordingId, UserId);

        signer.IsAuthentic(links.Stream).Should().BeTrue();
        signer.IsAuthentic(links.Download).Should().BeTrue();
    }

    [Theory]
    [InlineData("recording")]
    [InlineData("action")]
    [InlineData("user")]
    [InlineData("expiry")]
    public void Changing_any_part_of_a_link_spoils_it(string part)
    {
        var signer = Signer();
        var link = signer.SignFileLinks(RecordingId, UserId).Stream;

        var changed = part switch
        {
            "recording" => link with { RecordingId = Guid.NewGuid() },
            "action" => link with { Action = RecordingFileAction.Download },
            "user" => link with { UserId = Guid.NewGuid() },
            _ => link with { ExpiresAt = link.ExpiresAt.AddSeconds(1) },
        };

        signer.IsAuthentic(changed).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void A_made_up_signature_is_not_authentic(string signature)
    {
        var signer = Signer();
        var link = signer.SignFileLinks(RecordingId, UserId).Stream;

        signer.IsAuthentic(link with { Signature = signature }).Should().BeFalse();
    }

    [Fact]
    public void A_link_signed_with_other_keys_is_not_authentic()
    {
        var elsewhere = Signer(new InMemoryKeyStore());

        Signer().IsAuthentic(elsewhere.SignFileLinks(RecordingId, UserId).Stream).Should().BeFalse();
    }

    [Fact]
    public void Another_instance_or_a_restart_over_the_same_key_store_accepts_the_link()
    {
        var link = Signer().SignFileLinks(RecordingId, UserId).Stream;

        Signer().IsAuthentic(link).Should().BeTrue();
    }

    [Fact]
    public void A_link_made_before_a_key_rotation_stays_authentic_after_it()
    {
        var before = Signer().SignFileLinks(RecordingId, UserId).Stream;
        // Activated after the first key (within the allowed clock skew), so it becomes the default.
        KeyManager().CreateNewKey(DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow.AddDays(90));

        var rotated = Signer();
        var after = rotated.SignFileLinks(RecordingId, UserId).Stream;

        after.Signature[..20].Should().NotBe(before.Signature[..20], "the new default key signs the new links");
        rotated.IsAuthentic(before).Should().BeTrue();
        rotated.IsAuthentic(after).Should().BeTrue();
    }

    [Fact]
    public void A_link_made_under_a_revoked_key_is_not_authentic()
    {
        var link = Signer().SignFileLinks(RecordingId, UserId).Stream;
        KeyManager().RevokeAllKeys(DateTimeOffset.UtcNow.AddSeconds(1), "compromised");

        Signer().IsAuthentic(link).Should().BeFalse();
    }

    private DataProtectionRecordingLinkSigner Signer(TimeSpan? lifetime = null) => Signer(_keys, lifetime);

    private static DataProtectionRecordingLinkSigner Signer(InMemoryKeyStore keys, TimeSpan? lifetime = null)
    {
        var services = DataProtection(keys);
        return new(
            services.GetRequiredService<IKeyRingProvider>(),
            services.GetRequiredService<IKeyManager>(),
            Options.Create(new StorageOptions { SignedLinkLifetime = lifetime ?? TimeSpan.FromMinutes(10) }),
            new TestTimeProvider(Now));
    }

    private IKeyManager KeyManager() => DataProtection(_keys).GetRequiredService<IKeyManager>();

    /// <summary>Data Protection as one API instance sets it up, over <paramref name="keys"/>.</summary>
    private static ServiceProvider DataProtection(InMemoryKeyStore keys)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName("ItqanRecording.Tests");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = keys);
        return services.BuildServiceProvider();
    }

    private sealed class InMemoryKeyStore : IXmlRepository
    {
        private readonly List<XElement> _elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (_elements)
            {
                return [.. _elements.Select(e => new XElement(e))];
            }
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (_elements)
            {
                _elements.Add(new XElement(element));
            }
        }
    }
}
