using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>What every action form posts: the version of the case the officer saw.</summary>
public interface ICaseInput
{
    int Version { get; }
}

/// <summary>The shape rules the action inputs share.</summary>
public static class CaseInputRules
{
    /// <summary>Typed text no longer than a case note, with the rule's own message.</summary>
    public static IRuleBuilderOptions<T, string?> FitsACaseText<T>(this IRuleBuilder<T, string?> rule, int maxLength = PrivacyPortal.Domain.Requests.CaseNote.MaxTextLength) =>
        rule.MaximumLength(maxLength).WithErrorCode("text.too-long").WithMessage("The text is too long.");
}

/// <summary>The case changed since the officer loaded it: nothing is saved.</summary>
public sealed class StaleCaseException : Exception
{
    public StaleCaseException()
        : base("The case changed since it was loaded.")
    {
    }

    public StaleCaseException(string message)
        : base(message)
    {
    }

    public StaleCaseException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// One officer action: its own page, its Input record checked by its InputValidator for shape, then the aggregate's
/// verb for the rules. <see cref="CaseActionFilterAttribute"/> turns a refused rule into a form error and a stale
/// version into 409; either way nothing is saved and the case is shown as it is saved.
/// </summary>
[CaseActionFilter]
public abstract class CaseActionPage(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CasePageModel(db, scopes, profiles, clock)
{
    public IStringLocalizer Text => text;

    /// <summary>The forms live on the case page; an action page's address alone leads back to it.</summary>
    public IActionResult OnGet(Guid id) => Redirect($"/staff/cases/{id}");

    protected Task<IActionResult> ActAsync<TInput>(Guid id, TInput input, IValidator<TInput> validator, string action, Action<PrivacyRequest, DateTime> verb)
        where TInput : ICaseInput
    {
        ArgumentNullException.ThrowIfNull(verb);
        return ActAsync(id, input, validator, action, (r, now) =>
        {
            verb(r, now);
            return Task.CompletedTask;
        });
    }

    protected async Task<IActionResult> ActAsync<TInput>(Guid id, TInput input, IValidator<TInput> validator, string action, Func<PrivacyRequest, DateTime, Task> verb)
        where TInput : ICaseInput
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(verb);
        var denied = await LoadAsync(id);
        if (denied is not null)
        {
            return denied;
        }

        if (!CanWork)
        {
            return Forbid();
        }

        var checkedInput = await validator.ValidateAsync(input, HttpContext.RequestAborted);
        if (!checkedInput.IsValid)
        {
            ShowError(string.Join(" ", checkedInput.Errors.Select(e => Explain(text, new DomainException(e.ErrorCode, e.ErrorMessage)))), StatusCodes.Status422UnprocessableEntity);
            return Page();
        }

        if (Case.Version != input.Version)
        {
            throw new StaleCaseException();
        }

        await verb(Case, Clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/staff/cases/{id}?done={action}#timeline");
    }
}

/// <summary>
/// The page filter of every action page: a <see cref="DomainException"/> becomes the form's error (422) in the
/// reader's language, a stale version or a concurrent save becomes 409, and the case is read again as saved.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CaseActionFilterAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is not { } exception || context.HandlerInstance is not CaseActionPage page)
        {
            return;
        }

        var (message, status) = exception switch
        {
            DomainException refused => (StaffPage.Explain(page.Text, refused), StatusCodes.Status422UnprocessableEntity),
            StaleCaseException or DbUpdateConcurrencyException => (page.Text["Staff.Case.ChangedMeanwhile"].Value, StatusCodes.Status409Conflict),
            _ => (null, 0),
        };
        if (message is null || !Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id))
        {
            return;
        }

        executed.ExceptionHandled = true;
        await page.ReloadAsync(id);
        page.ShowError(message, status);
        executed.Result = page.Page();
    }
}
