using System.Text.RegularExpressions;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>
/// The error summary lists one message per problem, each linking to its control, in the order the controls come on the
/// page; every invalid control (a radio group included) says so with aria-invalid and points to its message.
/// </summary>
public sealed partial class ErrorSummaryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public async Task SeveralProblems_AreSummarisedOnceEach_InPageOrder_AndEachControlPointsToItsMessage(string language)
    {
        using var person = new IntakeClient(factory, language);
        var fields = await person.OpenFormAsync("ntt-smartconnect", "disclosure");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")))
        {
            fields[pair.Key] = pair.Value;
        }

        // Given out of page order on purpose.
        fields["Input.Email"] = "not-an-email";
        fields["Input.PostalCode"] = "12";
        fields["Input.FullName"] = string.Empty;
        fields["Input.Details[disclosure.method]"] = "fax";
        fields["Input.Details[disclosure.data]"] = string.Empty;
        fields["Input.BirthDate"] = "2999-01-01";
        using var response = await person.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", "review")]);
        var html = await response.Content.ReadAsStringAsync();

        var summary = html[html.IndexOf("class=\"error-summary\"", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</div>", StringComparison.Ordinal)];
        var links = SummaryLink().Matches(summary).Select(m => (Target: m.Groups["id"].Value, Text: Html.Text(m.Groups["text"].Value))).ToList();
        Assert.Equal(6, links.Count);
        Assert.Equal(links.Count, links.Select(l => l.Target).Distinct().Count());

        // Every link lands on an element of the page, and the targets come in the page's own order.
        var positions = links.Select(l => html.IndexOf($"id=\"{l.Target}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);

        // Each invalid control says so and names its message, which says what the summary says.
        var invalid = InvalidControl().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(invalid);
        foreach (var (target, text) in links)
        {
            // A control names its message; a radio group does so on its fieldset, and each radio in it is marked invalid.
            var element = Element(html, target);
            Assert.True(element.Contains("aria-invalid=\"true\"", StringComparison.Ordinal) || (element.StartsWith("<fieldset", StringComparison.Ordinal) && invalid.Any(c => c.Contains($"id=\"{target}-", StringComparison.Ordinal))), $"{target} is not marked invalid");
            var described = DescribedBy().Matches(element).Select(m => m.Groups["ids"].Value).ToList();
            Assert.True(described.Count > 0, $"{target} names no message");
            var messageId = described.SelectMany(ids => ids.Split(' ')).FirstOrDefault(id => id.EndsWith("-error", StringComparison.Ordinal));
            Assert.True(messageId is not null, $"{target} points to no error message, only to {string.Join(" ", described)}");
            var message = html[html.LastIndexOf('<', html.IndexOf($"id=\"{messageId}\"", StringComparison.Ordinal))..];
            var tagName = message[1..message.IndexOfAny([' ', '>'])];
            message = message[(message.IndexOf('>', StringComparison.Ordinal) + 1)..message.IndexOf($"</{tagName}>", StringComparison.Ordinal)];
            Assert.Contains(text, Html.Text(message), StringComparison.Ordinal);
        }
    }

    private static string Element(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        var open = html.LastIndexOf('<', start);
        return html[open..(html.IndexOf('>', start) + 1)];
    }

    [GeneratedRegex("<a href=\"#(?<id>[^\"]+)\">(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex SummaryLink();

    [GeneratedRegex("<(input|select|textarea|fieldset)[^>]*aria-invalid=\"true\"[^>]*>", RegexOptions.Singleline)]
    private static partial Regex InvalidControl();

    [GeneratedRegex("aria-describedby=\"(?<ids>[^\"]+)\"")]
    private static partial Regex DescribedBy();
}
