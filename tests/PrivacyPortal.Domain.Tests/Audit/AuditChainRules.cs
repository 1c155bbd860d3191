using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Domain.Tests.Audit;

/// <summary>The chain's hashing rules, on events built as the aggregate builds them.</summary>
public sealed class AuditChainRules
{
    private static readonly DateTime At = new(2026, 11, 24, 1, 2, 3, DateTimeKind.Utc);

    private static AuditEvent Event(string? detail = "coded", string? text = null, DateTime? at = null) =>
        new(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), at ?? At, "officer@example.jp", "withdrawn", "InReview", "Withdrawn", detail, text);

    [Fact]
    public void SealingTwice_TheSameEventAtTheSamePlace_GivesTheSameHash()
    {
        var first = Event();
        var second = Event();
        first.Seal(5, AuditChain.Genesis);
        second.Seal(5, AuditChain.Genesis);

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(AuditChain.HashLength, first.Hash.Length);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);
    }

    [Fact]
    public void TheHash_ChangesWithTheSequence_ThePreviousHash_AndEveryChainedField()
    {
        var reference = Event();
        reference.Seal(5, AuditChain.Genesis);
        var moved = Event();
        moved.Seal(6, AuditChain.Genesis);
        var relinked = Event();
        relinked.Seal(5, new string('1', 64));
        var edited = Event(detail: "coded!");
        edited.Seal(5, AuditChain.Genesis);
        var later = Event(at: At.AddTicks(10));
        later.Seal(5, AuditChain.Genesis);

        Assert.Equal(5, new[] { reference.Hash, moved.Hash, relinked.Hash, edited.Hash, later.Hash }.Distinct().Count());
    }

    [Fact]
    public void FieldBoundaries_AreLengthPrefixed_SoMovingTextBetweenFieldsChangesTheHash()
    {
        var a = AuditChain.Compute(1, AuditChain.Genesis, ["ab", "c"]);
        var b = AuditChain.Compute(1, AuditChain.Genesis, ["a", "bc"]);
        var missing = AuditChain.Compute(1, AuditChain.Genesis, [null, "c"]);
        var empty = AuditChain.Compute(1, AuditChain.Genesis, [string.Empty, "c"]);

        Assert.Equal(4, new[] { a, b, missing, empty }.Distinct().Count());
    }

    [Fact]
    public void TypedText_IsOffTheChain_ItsSaltedDigestIsOn_AndErasingKeepsTheHashValid()
    {
        var typed = Event(detail: null, text: "Receipt 1234");
        var sameText = Event(detail: null, text: "Receipt 1234");
        typed.Seal(1, AuditChain.Genesis);
        var hash = typed.Hash;

        Assert.NotEqual(typed.TextDigest, sameText.TextDigest);
        Assert.Equal(AuditChain.TextDigest(typed.Text!.Salt, "Receipt 1234"), typed.TextDigest);
        Assert.DoesNotContain(typed.ChainedFields(), f => f?.Contains("1234", StringComparison.Ordinal) == true);

        typed.EraseText();

        Assert.True(typed.TextErased);
        Assert.Null(typed.Text);
        Assert.Equal(hash, AuditChain.Compute(typed.Seq, typed.PrevHash, typed.ChainedFields()));
    }

    [Fact]
    public void Instants_AreKeptToTheMicrosecond_AsPostgreSqlStoresThem()
    {
        var precise = At.AddTicks(7);

        var truncated = AuditChain.Instant(precise);

        Assert.Equal(At, truncated);
        Assert.Equal(DateTimeKind.Utc, truncated.Kind);
        Assert.Equal(At, Event(at: precise).AtUtc);
        Assert.Equal(AuditChain.Format(At), AuditChain.Format(precise));
    }

    [Fact]
    public void ALegacyDetail_MovesApart_KeepingItsCodedPart()
    {
        var legacy = new AuditEvent(Guid.NewGuid(), At, "system", "notice-failed", null, null, "FeeDue <x@privacyportal>: 550 no such user a@b.jp");

        legacy.SeparateLegacyText("FeeDue <x@privacyportal>");

        Assert.Equal("FeeDue <x@privacyportal>", legacy.Detail);
        Assert.Equal("550 no such user a@b.jp", legacy.Text!.Value);
    }
}
