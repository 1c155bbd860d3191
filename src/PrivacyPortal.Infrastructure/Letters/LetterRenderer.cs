using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>
/// Renders a letter's Razor component to HTML outside any web request (the worker and the CLI use it too), ready
/// for Chromium to print. Razor encodes every value it writes.
/// </summary>
public sealed class LetterRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync(object letter, string language, bool eraYear, PostalAddressee? addressee = null, string? onBehalfOf = null)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var component = letter switch
        {
            AcknowledgementLetter => typeof(AcknowledgementLetterView),
            FeeRequestLetter => typeof(FeeRequestLetterView),
            ExtensionLetter => typeof(ExtensionLetterView),
            DecisionLetter => typeof(DecisionLetterView),
            NoticeLetter => typeof(NoticeLetterView),
            _ => throw new ArgumentException($"No template for {letter.GetType().Name}.", nameof(letter)),
        };
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            ["Letter"] = letter,
            ["Format"] = new LetterFormat(language, eraYear, addressee, onBehalfOf),
        });
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync(component, parameters)).ToHtmlString());
        return "<!DOCTYPE html>" + html;
    }
}
