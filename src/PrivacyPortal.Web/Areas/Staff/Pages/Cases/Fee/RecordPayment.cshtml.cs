using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>The fee was paid, or is waived, or its window passed where the policy deems the request not made.</summary>
public sealed class RecordPaymentModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();
    private static readonly WaiveInputValidator WaiveValidator = new();
    private static readonly InlineValidator<ExpireInput> ExpireValidator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "fee-paid", (r, now) =>
            r.RecordPayment(Scope.Actor, input.Method ?? string.Empty, RequestFeeModel.Day(input.PaidOn)!.Value, input.Receipt ?? string.Empty, Rules, now));

    public Task<IActionResult> OnPostWaiveAsync(Guid id, WaiveInput input) =>
        ActAsync(id, input, WaiveValidator, "fee-waived", (r, now) => r.WaiveFee(Scope.Actor, input.Reason ?? string.Empty, Rules, now));

    public Task<IActionResult> OnPostExpireAsync(Guid id, ExpireInput input) =>
        ActAsync(id, input, ExpireValidator, "fee-expired", (r, now) => r.ExpireFee(Scope.Actor, Profile, now));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? Method { get; set; }

        public string? PaidOn { get; set; }

        public string? Receipt { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(i => i.PaidOn).Must(p => RequestFeeModel.Day(p) is not null).WithErrorCode("fee.paid-on").WithMessage("Enter the payment date.");
            RuleFor(i => i.Method).FitsACaseText(FeeState.MaxTextLength);
            RuleFor(i => i.Receipt).FitsACaseText(FeeState.MaxTextLength);
        }
    }

    public sealed record WaiveInput : ICaseInput
    {
        public int Version { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class WaiveInputValidator : AbstractValidator<WaiveInput>
    {
        public WaiveInputValidator() =>
            RuleFor(i => i.Reason).FitsACaseText();
    }

    public sealed record ExpireInput : ICaseInput
    {
        public int Version { get; set; }
    }
}
