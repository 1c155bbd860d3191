using PrivacyPortal.Domain.Fees;

namespace PrivacyPortal.Domain.Tests.Fees;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1100, "JPY", "en", "1,100 yen")]
    [InlineData(1100, "JPY", "ja", "1,100円")]
    [InlineData(1234567, "JPY", "en", "1,234,567 yen")]
    [InlineData(1050, "EUR", "en", "10.50 EUR")]
    public void Formats_ForPeople(long minor, string currency, string language, string expected) =>
        Assert.Equal(expected, new Money(minor, currency).Format(language));

    [Fact]
    public void AddingDifferentCurrencies_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new Money(1, "JPY") + new Money(1, "EUR"));

    [Fact]
    public void ConsumptionTax_RefusesNegativeAmounts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsumptionTax.On(-1, 10));
}
