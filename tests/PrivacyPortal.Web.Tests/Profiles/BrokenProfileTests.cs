using System.Text.Json.Nodes;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Profiles;

/// <summary>A broken profile stops loading with a message naming the file, the field and what is wrong.</summary>
public sealed class BrokenProfileTests : IDisposable
{
    private const string SmartConnect = "ntt-smartconnect/ntt-smartconnect.json";
    private readonly TempDirectory _seeds = TempDirectory.WithSeedsCopy();

    public void Dispose() => _seeds.Dispose();

    private ProfileFileProblem LoadExpectingOneProblem()
    {
        var error = Assert.Throws<ProfileLoadException>(() => ProfileLoader.LoadDirectory(_seeds.Path));
        var problem = Assert.Single(error.Problems);
        Assert.Contains(problem.File, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem.Field, error.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void MalformedJson_IsReportedWithTheFileAndLine()
    {
        File.WriteAllText(_seeds.File(SmartConnect), File.ReadAllText(_seeds.File(SmartConnect)).Replace("\"regimes\": [\"appi\"],", "\"regimes\": [\"appi\"]", StringComparison.Ordinal));

        var problem = LoadExpectingOneProblem();

        Assert.EndsWith(SmartConnect, problem.File, StringComparison.Ordinal);
        Assert.Contains("malformed JSON (line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCurrency_IsNamed()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => p["fees"]![0]!["amount"]!.AsObject().Remove("currency"));

        var problem = LoadExpectingOneProblem();

        Assert.EndsWith(SmartConnect, problem.File, StringComparison.Ordinal);
        Assert.Equal("fees[0].amount.currency", problem.Field);
    }

    [Fact]
    public void AnUnknownRequestType_IsNamed()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => JsonEdit.RequestType(p, "suspension")["type"] = "deletion");

        var problem = LoadExpectingOneProblem();

        Assert.Equal("requestTypes[3].type", problem.Field);
        Assert.Contains("unknown request type 'deletion'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFeeOnCorrection_IsRefused_AppiArt38()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => JsonEdit.RequestType(p, "correction")["fee"] = "request-fee");

        var problem = LoadExpectingOneProblem();

        Assert.Equal("requestTypes[2].fee", problem.Field);
        Assert.Contains("APPI Art. 38", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateProfileId_IsRefused()
    {
        File.Copy(_seeds.File("netone/netone.json"), _seeds.File("netone/netone-copy.json"));

        var problem = LoadExpectingOneProblem();

        Assert.EndsWith("netone/netone.json", problem.File, StringComparison.Ordinal);
        Assert.Equal("id", problem.Field);
        Assert.Contains("duplicate profile id 'netone'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltMember_IsRefused_RatherThanSilentlyDropped()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => p["desk"]!["emial"] = "kojin@nttsmc.com");

        var problem = LoadExpectingOneProblem();

        Assert.Contains("emial", problem.Message + problem.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullWhereAValueIsRequired_IsRefused()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => p["desk"]!["name"] = null);

        var problem = LoadExpectingOneProblem();

        Assert.Equal("desk.name", problem.Field);
    }

    [Fact]
    public void AnUnknownStatusValue_IsRefused()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => p["retention"]!["status"] = "unknown");

        Assert.Equal("retention.status", LoadExpectingOneProblem().Field);
    }

    [Fact]
    public void AProfileWithoutItsControllerFile_IsRefused()
    {
        File.Delete(_seeds.File("netone/controller.json"));

        var problem = LoadExpectingOneProblem();

        Assert.EndsWith("netone/controller.json", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileClaimingAnotherController_IsRefused()
    {
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => p["controllerId"] = "ntt-resonant");

        Assert.Equal("controllerId", LoadExpectingOneProblem().Field);
    }

    [Fact]
    public void EveryProblem_IsReported_NotJustTheFirst()
    {
        JsonEdit.Apply(_seeds.File(SmartConnect), p => p["fees"]![0]!["amount"]!.AsObject().Remove("currency"));
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => JsonEdit.RequestType(p, "correction")["fee"] = "request-fee");

        var error = Assert.Throws<ProfileLoadException>(() => ProfileLoader.LoadDirectory(_seeds.Path));

        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void AMissingDirectory_IsReported()
    {
        var error = Assert.Throws<ProfileLoadException>(() => ProfileLoader.LoadDirectory(_seeds.File("nowhere")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReformattingAProfile_DoesNotChangeItsHash()
    {
        var before = ProfileLoader.LoadDirectory(_seeds.Path).Find("netone")!.Sha256;
        JsonEdit.Apply(_seeds.File("netone/netone.json"), _ => { });

        Assert.Equal(before, ProfileLoader.LoadDirectory(_seeds.Path).Find("netone")!.Sha256);
    }

    [Fact]
    public void ChangingAFact_ChangesItsHash()
    {
        var before = ProfileLoader.LoadDirectory(_seeds.Path).Find("netone")!.Sha256;
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => p["desk"]!["phone"] = JsonValue.Create("03-0000-0000"));

        Assert.NotEqual(before, ProfileLoader.LoadDirectory(_seeds.Path).Find("netone")!.Sha256);
    }
}
