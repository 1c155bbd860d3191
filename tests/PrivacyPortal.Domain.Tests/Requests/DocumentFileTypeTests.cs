using PrivacyPortal.Domain.Verification;

namespace PrivacyPortal.Domain.Tests.Requests;

public sealed class DocumentFileTypeTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, DocumentFileType.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, DocumentFileType.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, DocumentFileType.Png)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]
    [InlineData(new byte[0], null)]
    public void TheTypeIsDecidedByTheBytes(byte[] head, string? expected) =>
        Assert.Equal(expected, DocumentFileType.Detect(head));
}
