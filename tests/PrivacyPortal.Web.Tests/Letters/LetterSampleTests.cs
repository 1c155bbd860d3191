using System.Diagnostics;
using PrivacyPortal.Cli;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Letters;

/// <summary>Letters printed by Debian's Chromium and read back with pdftotext (poppler-utils).</summary>
public sealed class LetterSampleTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<(int Exit, string Error)> RunAsync(Dictionary<string, string?>? extra, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Portal:DataDirectory"] = _data.Path, ["Portal:ProfilesDirectory"] = RepoPaths.Seeds };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var exit = await PortalCli.RunAsync(args, stdout, stderr, settings);
        return (exit, stderr.ToString());
    }

    private static async Task<string> PdfTextAsync(string path)
    {
        var (exit, text) = await ChildProcess.ToolAsync(new ProcessStartInfo("pdftotext", ["-layout", path, "-"]));
        Assert.Equal(0, exit);
        return text;
    }

    [Fact]
    public async Task AJapaneseAcknowledgement_ReadsBackWithItsDesk_Reference_AndEraDates()
    {
        var output = _data.File("ack-ja.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "ntt-smartconnect", "--letter", "acknowledgement", "--lang", "ja", "--era", "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("%PDF-"u8.ToArray(), (await File.ReadAllBytesAsync(output))[..5]);
        var text = await PdfTextAsync(output);
        Assert.Contains("個人情報に関するご請求の受付について", text, StringComparison.Ordinal);
        Assert.Matches(@"NTTSMC-\d{4}-000123", text);
        Assert.Matches(@"令和\d+年\d+月\d+日（\d{4}年\d+月\d+日）", text);
        Assert.Contains("山田 花子 様", text, StringComparison.Ordinal);
        Assert.Contains("kojin@nttsmc.com", text, StringComparison.Ordinal);
        Assert.Contains("06-6147-5095", text, StringComparison.Ordinal);

        // The internal target is the company's own date, never called a deadline (APPI sets no number of days).
        Assert.Contains("回答予定日", text, StringComparison.Ordinal);
        Assert.DoesNotContain("期限", text, StringComparison.Ordinal);
        Assert.Contains("到達日", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja", "お支払い期限", "なかったものとして取り扱います", "その旨をお知らせします", "お書き添えください", "送付先")]
    [InlineData("en", "Last day to pay", "treated as not having been made", "tells you so", "quote the reference", "Where to send it")]
    public async Task TheFeeLetter_GivesTheLastDayHowToPayWhereTheReferenceAndWhatHappensIfUnpaid(string language, string lastDay, string deemed, string shortfall, string reference, string payTo)
    {
        var output = _data.File($"fee-terms-{language}.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "ntt-smartconnect", "--letter", "fee-request", "--lang", language, "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var words = string.Concat((await PdfTextAsync(output)).Where(c => !char.IsWhiteSpace(c)));
        // The same postal address the email and the status page give (the desk's, from the profile).
        foreach (var fact in new[] { lastDay, deemed, shortfall, reference, payTo, "〒541-0047", "Awajimachi" })
        {
            Assert.Contains(fact.Replace(" ", string.Empty, StringComparison.Ordinal), words, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEnglishAcknowledgement_UsesEnglishDates()
    {
        var output = _data.File("ack-en.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "nec-univerge-st500", "--letter", "acknowledgement", "--lang", "en", "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var text = await PdfTextAsync(output);
        Assert.Contains("Acknowledgement of your request concerning personal data", text, StringComparison.Ordinal);
        Assert.Contains("NEC Corporation, Attn: Contracts Management", text, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2} [A-Z][a-z]+ \d{4}", text);
        Assert.DoesNotContain("deadline", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ja", "保有個人データの開示等のご請求に対する回答", "根拠", "ご不服がある場合", "個人情報保護法第33条第2項第1号", "個人情報保護委員会", "裁判所に訴えを提起")]
    [InlineData("en", "Our answer to your request for disclosure", "Grounds", "If you disagree", "APPI Art. 33(2)(i)", "Personal Information Protection Commission", "Bringing a claim in court")]
    public async Task ADecisionLetter_GivesTheAnswer_ItsGrounds_AndTheComplaintRoutes(string language, string title, string grounds, string complaints, string citation, string commission, string court)
    {
        var output = _data.File($"decision-{language}.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "ntt-smartconnect", "--letter", "decision", "--lang", language, "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var text = await PdfTextAsync(output);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(grounds, text, StringComparison.Ordinal);
        Assert.Contains(complaints, text, StringComparison.Ordinal);
        var words = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(citation.Replace(" ", string.Empty, StringComparison.Ordinal), words, StringComparison.Ordinal);
        Assert.Contains(commission.Replace(" ", string.Empty, StringComparison.Ordinal), words, StringComparison.Ordinal);
        Assert.Contains(court.Replace(" ", string.Empty, StringComparison.Ordinal), words, StringComparison.Ordinal);
        Assert.Matches(@"NTTSMC-\d{4}-000123", text);
        Assert.Contains("JIPDEC", text, StringComparison.Ordinal);

        // A short decision letter fits on one page, and the letterhead prints the postal code once.
        Assert.Equal(1, await PdfPagesAsync(output));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "541-0047"));
    }

    private static async Task<int> PdfPagesAsync(string path)
    {
        var (_, info) = await ChildProcess.ToolAsync(new ProcessStartInfo("pdfinfo", [path]));
        return int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("fee-request", "ja", "手数料のお支払いのお願い", "1,100円")]
    [InlineData("fee-request", "en", "Fee for your request", "1,100 yen")]
    [InlineData("extension", "ja", "回答期間の延長のお知らせ", "延長の理由")]
    [InlineData("extension", "en", "Extension of the time to answer", "several separate systems")]
    public async Task TheFeeRequestAndExtensionLetters_ReadBack(string letter, string language, string title, string fact)
    {
        var output = _data.File($"{letter}-{language}.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "ntt-smartconnect", "--letter", letter, "--lang", language, "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var text = await PdfTextAsync(output);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(fact, text, StringComparison.Ordinal);
        Assert.Matches(@"NTTSMC-\d{4}-000123", text);
    }

    /// <summary>
    /// A 長形3号 envelope's window shows 25-110 mm from the sheet's left edge and 20-55 mm from its top: every word of the
    /// address block must print inside it, and nothing of the letter's body may.
    /// </summary>
    [Theory]
    [InlineData("ja", "〒100-0001", "山田")]
    [InlineData("en", "〒100-0001", "Hanako")]
    public async Task APostedLetter_PrintsTheAddressBlockInsideTheEnvelopeWindow(string language, string postalLine, string name)
    {
        var output = _data.File($"posted-{language}.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "netone", "--letter", "acknowledgement", "--lang", language, "--post", "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var words = await WordBoxesAsync(output);
        var window = (Left: 25.0, Right: 110.0, Top: 20.0, Bottom: 55.0);
        bool Inside((string Text, double X0, double Y0, double X1, double Y1) w) => w.X0 >= window.Left && w.X1 <= window.Right && w.Y0 >= window.Top && w.Y1 <= window.Bottom;
        Assert.Contains(words, w => w.Text == postalLine && Inside(w));
        Assert.Contains(words, w => w.Text.StartsWith(name, StringComparison.Ordinal) && Inside(w));
        Assert.Contains(words, w => w.Text.Contains(language == "ja" ? "千代田区" : "Chiyoda", StringComparison.Ordinal) && Inside(w));
        // Only the address shows through: the reference and the title print below the window.
        Assert.DoesNotContain(words, w => w.Text.StartsWith("NETONE-", StringComparison.Ordinal) && w.Y0 < window.Bottom);
    }

    [Fact]
    public async Task ALetterNotPosted_HasNoAddressBlock()
    {
        var output = _data.File("unposted.pdf");

        var (exit, error) = await RunAsync(null, "letter-sample", "--controller", "netone", "--letter", "acknowledgement", "--lang", "ja", "--out", output);

        Assert.True(exit == ExitCodes.Ok, error);
        // The company's own address is in the footer; the requester's is nowhere.
        Assert.DoesNotContain((await WordBoxesAsync(output)).Select(w => w.Text), t => t.Contains("100-0001", StringComparison.Ordinal) || t.Contains("千代田区", StringComparison.Ordinal));
    }

    /// <summary>Each word on page 1 and its box in millimetres from the sheet's top-left corner (pdftotext -bbox reports points).</summary>
    private static async Task<List<(string Text, double X0, double Y0, double X1, double Y1)>> WordBoxesAsync(string path)
    {
        var (exit, html) = await ChildProcess.ToolAsync(new ProcessStartInfo("pdftotext", ["-bbox", "-f", "1", "-l", "1", path, "-"]));
        Assert.Equal(0, exit);
        const double MillimetresPerPoint = 25.4 / 72;
        double Mm(System.Text.RegularExpressions.Match m, string group) => double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) * MillimetresPerPoint;
        return System.Text.RegularExpressions.Regex.Matches(html, @"<word xMin=""(?<x0>[\d.]+)"" yMin=""(?<y0>[\d.]+)"" xMax=""(?<x1>[\d.]+)"" yMax=""(?<y1>[\d.]+)"">(?<t>[^<]*)</word>")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups["t"].Value), Mm(m, "x0"), Mm(m, "y0"), Mm(m, "x1"), Mm(m, "y1")))
            .ToList();
    }

    [Fact]
    public async Task WithoutChromium_TheCommandSaysSoClearly()
    {
        var (exit, error) = await RunAsync(new() { ["Letters:ChromiumPath"] = "/nonexistent/chromium" }, "letter-sample", "--controller", "netone", "--letter", "acknowledgement", "--lang", "en", "--out", _data.File("x.pdf"));

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("Chromium is not installed at /nonexistent/chromium", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("x.pdf")));
    }

    [Fact]
    public async Task AnUnknownLetterType_IsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, (await RunAsync(null, "letter-sample", "--controller", "netone", "--letter", "poem", "--lang", "en", "--out", _data.File("x.pdf"))).Exit);
}
