using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>The published fee (APPI Art. 38), or one the officer sets where the law allows it and the policy publishes no amount.</summary>
public sealed class RequestFeeModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();
    private static readonly SetInputValidator SetValidator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "fee-requested", (r, now) =>
            r.RequestFee(Scope.Actor, FeeQuote.For(Profile, r.Items.Select(i => i.TypeId)), Rules, now, string.IsNullOrEmpty(input.PayBy) ? null : Day(input.PayBy)));

    public Task<IActionResult> OnPostSetAsync(Guid id, SetInput input) =>
        ActAsync(id, input, SetValidator, "fee-set", (r, now) =>
            r.SetFee(Scope.Actor, input.Basis ?? string.Empty, new Money(long.Parse(input.Amount!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture), "JPY"), input.Reasons ?? string.Empty, Day(input.PayBy)!.Value, Profile, Rules, now));

    internal static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? PayBy { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(i => i.PayBy).Must(p => string.IsNullOrEmpty(p) || Day(p) is not null).WithErrorCode("fee.pay-by").WithMessage("Enter the last day to pay as a date.");
    }

    public sealed record SetInput : ICaseInput
    {
        public int Version { get; set; }

        public string? Basis { get; set; }

        public string? Amount { get; set; }

        public string? PayBy { get; set; }

        public string? Reasons { get; set; }
    }

    public sealed class SetInputValidator : AbstractValidator<SetInput>
    {
        public SetInputValidator()
        {
            RuleFor(i => i.Amount).Must(a => long.TryParse(a?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var yen) && yen is > 0 and <= 10_000_000)
                .WithErrorCode("fee.amount").WithMessage("Enter an amount above zero.");
            RuleFor(i => i.PayBy).Must(p => Day(p) is not null).WithErrorCode("fee.pay-by").WithMessage("Enter the last day to pay as a date.");
        }
    }
}
