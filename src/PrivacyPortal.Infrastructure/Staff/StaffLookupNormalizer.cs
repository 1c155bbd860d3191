using Microsoft.AspNetCore.Identity;
using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>
/// Identity's lookup keys for e-mail addresses and names, as its own normalizer makes them (normalised, upper case),
/// except that what normalisation refuses (a noncharacter such as U+FFFE typed into the sign-in form) is dropped first
/// instead of failing the sign-in with a server error.
/// </summary>
public sealed class StaffLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : UnicodeText.Normalize(name, System.Text.NormalizationForm.FormC).ToUpperInvariant();

    public string? NormalizeEmail(string? email) => NormalizeName(email);
}
