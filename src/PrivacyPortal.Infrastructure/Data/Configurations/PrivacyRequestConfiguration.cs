using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    /// <summary>The open statuses as the queue's SQL writes them (CaseQueueQuery.OpenStatuses), for the partial index.</summary>
    public const string OpenCasesFilter = "\"Status\" IN ('Received', 'AwaitingIdentity', 'AwaitingFee', 'InReview')";

    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.ToTable("Requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.PolicyId).HasMaxLength(ProcedureProfile.MaxIdLength).IsRequired();
        builder.HasOne<Policy>().WithMany().HasForeignKey(r => r.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Language).HasMaxLength(2).IsRequired();
        builder.Property(r => r.Reference).HasMaxLength(PrivacyRequest.MaxReferenceLength);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.SubmissionKey).HasMaxLength(PrivacyRequest.MaxSubmissionKeyLength).IsRequired();
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.Property(r => r.ConfirmationHash).HasMaxLength(64);
        builder.HasIndex(r => r.ConfirmationHash);
        builder.Property(r => r.StatusTokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.StatusTokenHash).IsUnique();
        builder.Property(r => r.PersonTokenHash).HasMaxLength(64);
        builder.HasIndex(r => r.PersonTokenHash).IsUnique();
        builder.Property(r => r.StatusLinkProtected).HasMaxLength(2000);
        builder.HasIndex(r => new { r.Status, r.DueOn });

        // The queue: an officer's controllers, by status, oldest due first, keyset on (DueOn, Reference).
        builder.Property(r => r.ControllerId).HasMaxLength(ProcedureProfile.MaxIdLength).IsRequired();
        builder.HasIndex(r => new { r.ControllerId, r.Status, r.DueOn, r.Reference });
        builder.HasIndex(r => new { r.ControllerId, r.DueOn, r.Reference }, "IX_Requests_Open_ControllerId_DueOn_Reference")
            .HasFilter(OpenCasesFilter);
        // An officer of several controllers: open cases in due order across all of them. PostgreSQL cannot merge the
        // index ranges of several controllers in order, so without this it reads and sorts every open case of each.
        builder.HasIndex(r => new { r.DueOn, r.Reference }, "IX_Requests_Open_DueOn_Reference")
            .HasFilter(OpenCasesFilter);
        builder.Property(r => r.AssignedTo).HasMaxLength(450);
        builder.HasIndex(r => new { r.AssignedTo, r.DueOn });
        builder.Property(r => r.ExtensionReasons).HasMaxLength(CaseNote.MaxTextLength);
        builder.Property(r => r.DecisionReasons).HasMaxLength(CaseNote.MaxTextLength);
        builder.Property(r => r.LegalHoldReason).HasMaxLength(CaseNote.MaxTextLength);
        builder.OwnsOne(r => r.Fee, fee =>
        {
            fee.Property(f => f.Currency).HasMaxLength(3);
            fee.Property(f => f.PaymentMethod).HasMaxLength(FeeState.MaxTextLength);
            fee.Property(f => f.ReceiptNumber).HasMaxLength(FeeState.MaxTextLength);
            fee.Property(f => f.WaiverReason).HasMaxLength(CaseNote.MaxTextLength);
            fee.Property(f => f.Basis).HasMaxLength(20);
            fee.Property(f => f.Reasons).HasMaxLength(CaseNote.MaxTextLength);
            fee.Ignore(f => f.IsSettled);
        });
        builder.Navigation(r => r.Fee).IsRequired();
        builder.Property<List<ClockPause>>("_pauses")
            .HasColumnName("Pauses")
            .HasConversion(
                pauses => JsonSerializer.Serialize(pauses.Select(p => new StoredPause(p.From, p.To, p.Reason)).ToList(), StoredPause.Json),
                json => (JsonSerializer.Deserialize<List<StoredPause>>(json, StoredPause.Json) ?? new List<StoredPause>()).Select(p => new ClockPause(p.From, p.To, p.Reason)).ToList(),
                new ValueComparer<List<ClockPause>>((a, b) => a!.SequenceEqual(b!), l => l.Count, l => l.ToList()))
            .IsRequired();
        builder.Ignore(r => r.Pauses);
        builder.Property<List<string>>("_decisionGrounds")
            .HasColumnName("DecisionGrounds")
            .HasConversion(
                codes => JsonSerializer.Serialize(codes, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), l => l.Count, l => l.ToList()))
            .HasMaxLength(1000)
            .IsRequired();
        builder.Ignore(r => r.DecisionGrounds);
        builder.Ignore(r => r.IdentityVerified);
        builder.HasMany(r => r.Letters).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Letters).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.DecisionLetter);
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.OwnsOne(r => r.Requester, requester =>
        {
            requester.Property(p => p.FullName).HasMaxLength(Requester.MaxNameLength).IsRequired();
            requester.Property(p => p.Kana).HasMaxLength(Requester.MaxNameLength);
            requester.Property(p => p.PostalCode).HasMaxLength(Requester.MaxPostalCodeLength).IsRequired();
            requester.Property(p => p.Address).HasMaxLength(Requester.MaxAddressLength).IsRequired();
            requester.Property(p => p.Email).HasMaxLength(Requester.MaxEmailLength).IsRequired();
            requester.Property(p => p.Phone).HasMaxLength(Requester.MaxPhoneLength);
            requester.Property(p => p.CustomerNumber).HasMaxLength(Requester.MaxCustomerNumberLength);
            requester.Property(p => p.Relationship).HasMaxLength(Requester.MaxRelationshipLength);
        });
        builder.Navigation(r => r.Requester).IsRequired();
        builder.OwnsOne(r => r.Agent, agent =>
        {
            agent.Property(p => p.FullName).HasMaxLength(Requester.MaxNameLength);
            agent.Property(p => p.Email).HasMaxLength(Requester.MaxEmailLength);
            agent.Property(p => p.Phone).HasMaxLength(Requester.MaxPhoneLength);
            agent.Property(p => p.PostalCode).HasMaxLength(Requester.MaxPostalCodeLength);
            agent.Property(p => p.Address).HasMaxLength(Requester.MaxAddressLength);
            agent.Ignore(p => p.IsLegalRepresentative);
        });

        builder.HasMany(r => r.Items).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.DisclosedFiles).WithOne().HasForeignKey("RequestId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.DisclosedFiles).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.CarriesData);
        builder.Navigation(r => r.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.AuditEvents).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.AuditEvents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Notices).WithOne().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Notices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.ContactEmail);
        builder.Ignore(r => r.PersonToldByEmail);
        builder.Ignore(r => r.IsOpen);
    }
}

/// <summary>A clock pause as stored in the request's Pauses column.</summary>
internal sealed record StoredPause(DateOnly From, DateOnly? To, PauseReason Reason)
{
    public static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
}

internal sealed class RequestLetterConfiguration : IEntityTypeConfiguration<RequestLetter>
{
    public void Configure(EntityTypeBuilder<RequestLetter> builder)
    {
        builder.ToTable("RequestLetters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Language).HasMaxLength(2).IsRequired();
        builder.Property(l => l.StoredName).HasMaxLength(200);
        builder.Property(l => l.Sha256).HasMaxLength(64);
        builder.Property(l => l.LastError).HasMaxLength(RequestLetter.MaxErrorLength);
        builder.Property(l => l.Subject).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.Detail).HasMaxLength(Notice.MaxDetailLength);
        builder.HasIndex(l => new { l.Status, l.NextAttemptAtUtc });
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("CaseNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Author).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(CaseNote.MaxTextLength).IsRequired();
    }
}

internal sealed class RequestItemConfiguration : IEntityTypeConfiguration<RequestItem>
{
    public void Configure(EntityTypeBuilder<RequestItem> builder)
    {
        builder.ToTable("RequestItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TypeId).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Details)
            .HasConversion(
                d => JsonSerializer.Serialize(d, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    d => new Dictionary<string, string>(d, StringComparer.Ordinal)))
            .IsRequired();
        builder.Property(i => i.Decision)
            .HasConversion(
                d => d == null ? null : JsonSerializer.Serialize(d, StoredPause.Json),
                json => json == null ? null : JsonSerializer.Deserialize<ItemDecision>(json, StoredPause.Json))
            .Metadata.SetValueComparer(new ValueComparer<ItemDecision?>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && JsonSerializer.Serialize(a, StoredPause.Json) == JsonSerializer.Serialize(b, StoredPause.Json)),
                d => d == null ? 0 : d.DecidedAtUtc.GetHashCode(),
                d => d));
        builder.Ignore(i => i.Type);
    }
}

internal sealed class DisclosedFileConfiguration : IEntityTypeConfiguration<DisclosedFile>
{
    public void Configure(EntityTypeBuilder<DisclosedFile> builder)
    {
        builder.ToTable("DisclosedFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(RequestDocument.MaxFileNameLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(f => f.StoredName).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Ignore(f => f.IsMachineReadable);
    }
}

internal sealed class RequestDocumentConfiguration : IEntityTypeConfiguration<RequestDocument>
{
    public void Configure(EntityTypeBuilder<RequestDocument> builder)
    {
        builder.ToTable("RequestDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(RequestDocument.MaxFileNameLength).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(d => d.StoredName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.FromStatus).HasMaxLength(40);
        builder.Property(e => e.ToStatus).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(AuditEvent.MaxDetailLength);
        builder.Property(e => e.TextDigest).HasMaxLength(AuditChain.HashLength);
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashLength).IsRequired();
        builder.Property(e => e.PrevHash).HasMaxLength(AuditChain.HashLength).IsRequired();
        // One event per place: two writers that both took the same place would fail here rather than fork the chain.
        builder.HasIndex(e => e.Seq).IsUnique();
        builder.HasIndex(e => new { e.RequestId, e.Seq });
        builder.HasIndex(e => e.AtUtc);
        builder.Ignore(e => e.TextErased);
        builder.OwnsOne(e => e.Text, text =>
        {
            // Personal text lives apart from the chained row, so erasing it never touches the chain.
            text.ToTable("AuditTexts");
            text.WithOwner().HasForeignKey("AuditEventId");
            text.Property(t => t.Value).HasMaxLength(AuditEvent.MaxDetailLength * 2).IsRequired();
            text.Property(t => t.Salt).HasMaxLength(32).IsRequired();
            text.Ignore(t => t.Digest);
        });
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("Notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Recipient).HasMaxLength(254).IsRequired();
        builder.Property(n => n.Language).HasMaxLength(2).IsRequired();
        builder.Property(n => n.Reference).HasMaxLength(PrivacyRequest.MaxReferenceLength);
        builder.Property(n => n.LastError).HasMaxLength(Notice.MaxErrorLength);
        builder.Property(n => n.Detail).HasMaxLength(Notice.MaxDetailLength);
        builder.Ignore(n => n.MessageId);
        builder.Ignore(n => n.IsPending);
        builder.HasIndex(n => n.SentAtUtc);
    }
}
