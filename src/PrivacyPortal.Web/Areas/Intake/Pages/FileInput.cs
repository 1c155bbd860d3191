using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>Everything the request form posts. Strings stay strings so that whatever was typed comes back unchanged on an error.</summary>
public sealed class FileInput
{
    private List<string> _types = [];

    /// <summary>The chosen request types: blank and repeated values a form can post ("Input.Types=") are dropped here, once.</summary>
    public List<string> Types
    {
        get => _types;
        set => _types = (value ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Answers to each type's fields, keyed "type.field" (e.g. "disclosure.method").</summary>
    public Dictionary<string, string?> Details { get; set; } = [];

    public string? FullName { get; set; }

    public string? Kana { get; set; }

    public string? BirthDate { get; set; }

    public string? PostalCode { get; set; }

    public string? Address { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? CustomerNumber { get; set; }

    public string? Relationship { get; set; }

    /// <summary>Empty, or an <see cref="AgentKind"/> name when someone files on the person's behalf.</summary>
    public string? AgentKind { get; set; }

    public string? AgentFullName { get; set; }

    public string? AgentEmail { get; set; }

    public string? AgentPhone { get; set; }

    public string? AgentPostalCode { get; set; }

    public string? AgentAddress { get; set; }

    public bool DocumentsByPost { get; set; }

    public string? SubmissionKey { get; set; }

    /// <summary>A field people never see or fill; bots do.</summary>
    public string? Website { get; set; }

    public string Detail(string type, string field) => Details.GetValueOrDefault($"{type}.{field}") ?? string.Empty;

    /// <summary>
    /// What a Japanese keyboard types is made plain before it is checked and stored: full-width letters, digits and
    /// signs in the email address, postal code and date become ASCII (NFKC), and a seven-digit postal code gets its
    /// hyphen (100-0001). Phone numbers are kept as typed and checked on their normalised digits.
    /// </summary>
    public void Normalise()
    {
        Email = Plain(Email);
        AgentEmail = Plain(AgentEmail);
        PostalCode = PostalCodeOf(Plain(PostalCode));
        AgentPostalCode = PostalCodeOf(Plain(AgentPostalCode));
        BirthDate = Plain(BirthDate);
    }

    /// <summary>NFKC and trimmed; null stays null.</summary>
    public static string? Plain(string? value) => value is null ? null : Domain.Common.UnicodeText.Normalize(value, System.Text.NormalizationForm.FormKC).Trim();

    private static string? PostalCodeOf(string? value)
    {
        var cleaned = value?.Replace('ー', '-').Replace('−', '-').TrimStart('〒').Trim();
        return cleaned is { Length: 7 } && cleaned.All(char.IsAsciiDigit) ? $"{cleaned[..3]}-{cleaned[3..]}" : cleaned;
    }

    public Agent? ToAgent() => Enum.TryParse<AgentKind>(AgentKind, out var kind)
        ? new Agent
        {
            Kind = kind,
            FullName = AgentFullName!.Trim(),
            Email = AgentEmail?.Trim() ?? string.Empty,
            Phone = Blank(AgentPhone),
            PostalCode = AgentPostalCode!.Trim(),
            Address = AgentAddress!.Trim(),
        }
        : null;

    public Requester ToRequester() => new()
    {
        FullName = FullName!.Trim(),
        Kana = Blank(Kana),
        BirthDate = DateOnly.ParseExact(BirthDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        PostalCode = PostalCode!.Trim(),
        Address = Address!.Trim(),
        Email = Email?.Trim() ?? string.Empty,
        Phone = Blank(Phone),
        CustomerNumber = Blank(CustomerNumber),
        Relationship = Blank(Relationship),
    };

    public IReadOnlyList<(string TypeId, IReadOnlyDictionary<string, string> Details)> ToItems() =>
        Types.Select(type => (type, (IReadOnlyDictionary<string, string>)RequestFields.For(type)
                .Where(f => !string.IsNullOrWhiteSpace(Detail(type, f.Id)))
                .ToDictionary(f => f.Id, f => Detail(type, f.Id).Trim(), StringComparer.Ordinal)))
            .ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// The shape of the form: required fields, lengths, formats, no control characters. Messages are text keys that
/// the page shows in its language; rules with legal weight are the domain's.
/// </summary>
public sealed partial class FileInputValidator : AbstractValidator<FileInput>
{
    public FileInputValidator(TimeProvider clock)
        : this(clock, emailRequired: true)
    {
    }

    /// <param name="emailRequired">
    /// False when an officer registers a request that came by post, phone or in person: a requester without an email
    /// address hears by post.
    /// </param>
    public FileInputValidator(TimeProvider clock, bool emailRequired)
    {
        ArgumentNullException.ThrowIfNull(clock);
        // Rules in the order the form shows its controls, so the error summary lists problems in page order:
        // the request types, each type's details, the requester, then the agent.
        RuleFor(x => x.Types).NotEmpty().WithMessage("Validation.ChooseType");
        RuleFor(x => x).Custom(CheckDetails);
        Text(x => x.FullName, Requester.MaxNameLength, required: true);
        Text(x => x.Kana, Requester.MaxNameLength, required: false);
        RuleFor(x => x.BirthDate).NotEmpty().WithMessage("Validation.Required")
            .Must(value => TryDate(value, out _)).WithMessage("Validation.Date")
            .Must(value => !TryDate(value, out var date) || date <= Domain.Calendars.JapanTime.Today(clock)).WithMessage("Validation.BirthDateFuture")
            .Must(value => !TryDate(value, out var date) || date.Year >= 1900).WithMessage("Validation.BirthDateTooOld");
        Text(x => x.PostalCode, Requester.MaxPostalCodeLength, required: true).Matches(PostalCodePattern()).WithMessage("Validation.PostalCode");
        Text(x => x.Address, Requester.MaxAddressLength, required: true);
        Text(x => x.Email, Requester.MaxEmailLength, required: emailRequired).Matches(EmailPattern()).When(x => emailRequired || !string.IsNullOrWhiteSpace(x.Email)).WithMessage("Validation.Email");
        // An appointed agent gives the person's own address: the person is told of the request there and can say they
        // did not ask for it (APPI Art. 37(3) admits only an agent the person appointed).
        RuleFor(x => x.Email).Must((x, email) => !string.Equals(email?.Trim(), x.AgentEmail?.Trim(), StringComparison.OrdinalIgnoreCase))
            .When(x => x.AgentKind == nameof(Domain.Requests.AgentKind.AppointedAgent) && !string.IsNullOrWhiteSpace(x.Email)).WithMessage("Validation.PersonEmailIsAgents");
        Text(x => x.Phone, Requester.MaxPhoneLength, required: false).Must(IsPhone).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithMessage("Validation.Phone");
        Text(x => x.CustomerNumber, Requester.MaxCustomerNumberLength, required: false);
        Text(x => x.Relationship, Requester.MaxRelationshipLength, required: false);
        RuleFor(x => x.AgentKind).Must(kind => string.IsNullOrEmpty(kind) || Enum.TryParse<AgentKind>(kind, out _)).WithMessage("Validation.Choice");
        When(x => !string.IsNullOrEmpty(x.AgentKind), () =>
        {
            Text(x => x.AgentFullName, Requester.MaxNameLength, required: true);
            Text(x => x.AgentEmail, Requester.MaxEmailLength, required: emailRequired).Matches(EmailPattern()).When(x => emailRequired || !string.IsNullOrWhiteSpace(x.AgentEmail)).WithMessage("Validation.Email");
            Text(x => x.AgentPhone, Requester.MaxPhoneLength, required: false).Must(IsPhone).When(x => !string.IsNullOrWhiteSpace(x.AgentPhone)).WithMessage("Validation.Phone");
            Text(x => x.AgentPostalCode, Requester.MaxPostalCodeLength, required: true).Matches(PostalCodePattern()).WithMessage("Validation.PostalCode");
            Text(x => x.AgentAddress, Requester.MaxAddressLength, required: true);
        });
    }

    /// <summary>
    /// The form's problems as (field, message in the reader's language), in form order: the shape rules, then an agent
    /// the policy does not accept. The same check for the requester's form and the officer's.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Problems(FileInput input, Domain.Controllers.ProcedureProfile profile, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        var context = new ValidationContext<FileInput>(input);
        context.RootContextData[OffersKey] = profile.RequestTypes;
        foreach (var failure in Validate(context).Errors)
        {
            yield return new($"Input.{failure.PropertyName}", failure.CustomState is int max ? text[failure.ErrorMessage, max] : text[failure.ErrorMessage]);
        }

        if (Enum.TryParse<AgentKind>(input.AgentKind, out var kind))
        {
            var party = kind == AgentKind.AppointedAgent ? profile.Identity.AppointedAgent : profile.Identity.LegalRepresentative;
            if (party.Accepted == false)
            {
                yield return new("Input.AgentKind", text["Validation.AgentNotAccepted"]);
            }
        }
    }

    /// <summary>Key in the validation context for the policy's offers, so choices are checked against what it offers.</summary>
    public const string OffersKey = "offers";

    /// <summary>Japanese 〒123-4567, or a foreign code of 3-10 letters, digits, spaces and hyphens with a digit in it.</summary>
    [GeneratedRegex(@"^(\d{3}-?\d{4}|(?=.*\d)[A-Za-z0-9][A-Za-z0-9 \-]{1,8}[A-Za-z0-9])$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{6,18}$")]
    private static partial Regex PhonePattern();

    /// <summary>A phone number as typed (０３－１２３４－５６７８ included), checked on its NFKC form.</summary>
    private static bool IsPhone(string? value) => PhonePattern().IsMatch(FileInput.Plain(value)?.Replace('ー', '-').Replace('−', '-') ?? string.Empty);

    public static bool HasControlCharacters(string? value, bool allowLineBreaks) =>
        value is not null && value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\r' or '\n' or '\t'));

    private IRuleBuilderOptions<FileInput, string?> Text(System.Linq.Expressions.Expression<Func<FileInput, string?>> field, int maxLength, bool required)
    {
        var rule = RuleFor(field);
        if (required)
        {
            rule.NotEmpty().WithMessage("Validation.Required");
        }

        return rule
            .MaximumLength(maxLength).WithMessage("Validation.TooLong").WithState(_ => maxLength)
            .Must(value => !HasControlCharacters(value, allowLineBreaks: false)).WithMessage("Validation.ControlCharacters");
    }

    private static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static void CheckDetails(FileInput input, ValidationContext<FileInput> context)
    {
        var offers = context.RootContextData.TryGetValue(OffersKey, out var value) ? (IReadOnlyList<Domain.Controllers.RequestTypeOffer>)value : [];
        foreach (var type in input.Types.Distinct(StringComparer.Ordinal))
        {
            foreach (var field in RequestFields.For(type))
            {
                var name = $"Details[{type}.{field.Id}]";
                var answer = input.Detail(type, field.Id);
                if (field.Required && string.IsNullOrWhiteSpace(answer))
                {
                    context.AddFailure(new ValidationFailure(name, field.Kind == FieldKind.Choice ? "Validation.Choose" : "Validation.Required"));
                }
                else if (answer.Length > field.MaxLength)
                {
                    context.AddFailure(new ValidationFailure(name, "Validation.TooLong") { CustomState = field.MaxLength });
                }
                else if (HasControlCharacters(answer, allowLineBreaks: field.Kind == FieldKind.LongText))
                {
                    context.AddFailure(new ValidationFailure(name, "Validation.ControlCharacters"));
                }
                else if (field.Kind == FieldKind.Choice && answer.Length > 0 && RequestFields.ChoicesFor(field, offers.FirstOrDefault(o => o.Type == type)).All(c => c.Id != answer))
                {
                    context.AddFailure(new ValidationFailure(name, "Validation.Choice"));
                }
            }
        }
    }
}
