using Itqan.Recording.Application.Recordings;
using Itqan.Recording.Infrastructure.Storage;
using Itqan.Recording.Infrastructure.Tests.LiveKit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Itqan.Recording.Infrastructure.Tests.Storage;

public sealed class DataProtectionRecordingLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 30, 25, 600, TimeSpan.Zero);
    private static readonly Guid RecordingId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-00000000aa01");
    private static readonly Guid UserId = Guid.Parse("0b6f3c1e-2a4d-4e8f-9a10-0000000000c1");

    private readonly EphemeralDataProtectionProvider _keys = new();

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
        var elsewhere = new DataProtectionRecordingLinkSigner(
            new EphemeralDataProtectionProvider(), Options.Create(new StorageOptions()), new TestTimeProvider(Now));

        Signer().IsAuthentic(elsewhere.SignFileLinks(RecordingId, UserId).Stream).Should().BeFalse();
    }

    private DataProtectionRecordingLinkSigner Signer(TimeSpan? lifetime = null) =>
        new(_keys, Options.Create(new StorageOptions { SignedLinkLifetime = lifetime ?? TimeSpan.FromMinutes(10) }), new TestTimeProvider(Now));
}
