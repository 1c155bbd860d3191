using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>The requester asked the officer to withdraw the request (by phone, post or email).</summary>
public sealed class WithdrawModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "withdrawn", (r, now) => r.Withdraw(Scope.Actor, now, "on the requester's behalf: " + input.Reason!.Trim()));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(i => i.Reason).NotEmpty().Must(r => !string.IsNullOrWhiteSpace(r)).MaximumLength(CaseNote.MaxTextLength - 40)
                .WithErrorCode("reason.required").WithMessage("Say how the requester asked to withdraw.");
    }
}
