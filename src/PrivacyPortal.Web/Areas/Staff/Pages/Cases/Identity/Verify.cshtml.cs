using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>The identity checklist (APPI Art. 37(1)); or the refusal when identity cannot be confirmed.</summary>
public sealed class VerifyModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock, IStringLocalizer text)
    : CaseActionPage(db, scopes, profiles, clock, text)
{
    private static readonly InputValidator Validator = new();
    private static readonly RefuseInputValidator RefuseValidator = new();

    public Task<IActionResult> OnPostAsync(Guid id, Input input) =>
        ActAsync(id, input, Validator, "identity-verified", (r, now) => r.VerifyIdentity(
            Scope.Actor, new IdentityCheck(input.DocumentKind ?? string.Empty, input.NameMatches, input.AddressMatches, input.CurrentAndValid, input.Masked, r.Agent is null ? null : input.AgentAuthority), Profile, Rules, now));

    public Task<IActionResult> OnPostRefuseAsync(Guid id, RefuseInput input) =>
        ActAsync(id, input, RefuseValidator, "refused-identity-not-confirmed", (r, now) => r.RefuseUnconfirmedIdentity(Scope.Actor, input.Reasons ?? string.Empty, Rules, now));

    public sealed record Input : ICaseInput
    {
        public int Version { get; set; }

        public string? DocumentKind { get; set; }

        public bool NameMatches { get; set; }

        public bool AddressMatches { get; set; }

        public bool CurrentAndValid { get; set; }

        public bool Masked { get; set; }

        public bool AgentAuthority { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(i => i.DocumentKind).NotEmpty().MaximumLength(40).WithErrorCode("identity.kind").WithMessage("Choose the document that was checked.");
    }

    public sealed record RefuseInput : ICaseInput
    {
        public int Version { get; set; }

        public string? Reasons { get; set; }
    }

    public sealed class RefuseInputValidator : AbstractValidator<RefuseInput>
    {
        public RefuseInputValidator() =>
            RuleFor(i => i.Reasons).FitsACaseText();
    }
}
