using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>Requests with their items and documents, the audit trail and the notices outbox.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122010000_Requests")]
public sealed class Requests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Requests",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                PolicyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ProfileVersion = table.Column<int>(type: "INTEGER", nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                Requester_FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Requester_Kana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Requester_BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Requester_PostalCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                Requester_Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Requester_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                Requester_Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                Requester_CustomerNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Requester_Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Agent_Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                Agent_FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                Agent_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                Agent_Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                Agent_PostalCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                Agent_Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                DocumentsByPost = table.Column<bool>(type: "INTEGER", nullable: false),
                SubmissionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                ConfirmationHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                ConfirmationExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                StatusTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                StatusTokenIssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                Version = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Requests", x => x.Id);
                table.ForeignKey(
                    name: "FK_Requests_Policies_PolicyId",
                    column: x => x.PolicyId,
                    principalTable: "Policies",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_AuditEvents_Requests_RequestId",
                    column: x => x.RequestId,
                    principalTable: "Requests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Notices",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                ProtectedLink = table.Column<string>(type: "TEXT", nullable: true),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notices", x => x.Id);
                table.ForeignKey(
                    name: "FK_Notices_Requests_RequestId",
                    column: x => x.RequestId,
                    principalTable: "Requests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RequestDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Party = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Length = table.Column<long>(type: "INTEGER", nullable: false),
                StoredName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RequestDocuments", x => x.Id);
                table.ForeignKey(
                    name: "FK_RequestDocuments_Requests_RequestId",
                    column: x => x.RequestId,
                    principalTable: "Requests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RequestItems",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                TypeId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Details = table.Column<string>(type: "TEXT", nullable: false),
                RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RequestItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_RequestItems_Requests_RequestId",
                    column: x => x.RequestId,
                    principalTable: "Requests",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AuditEvents_RequestId", table: "AuditEvents", column: "RequestId");
        migrationBuilder.CreateIndex(name: "IX_Notices_RequestId", table: "Notices", column: "RequestId");
        migrationBuilder.CreateIndex(name: "IX_Notices_SentAtUtc", table: "Notices", column: "SentAtUtc");
        migrationBuilder.CreateIndex(name: "IX_RequestDocuments_RequestId", table: "RequestDocuments", column: "RequestId");
        migrationBuilder.CreateIndex(name: "IX_RequestItems_RequestId", table: "RequestItems", column: "RequestId");
        migrationBuilder.CreateIndex(name: "IX_Requests_ConfirmationHash", table: "Requests", column: "ConfirmationHash");
        migrationBuilder.CreateIndex(name: "IX_Requests_PolicyId", table: "Requests", column: "PolicyId");
        migrationBuilder.CreateIndex(name: "IX_Requests_Reference", table: "Requests", column: "Reference", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Requests_Status_DueOn", table: "Requests", columns: ["Status", "DueOn"]);
        migrationBuilder.CreateIndex(name: "IX_Requests_StatusTokenHash", table: "Requests", column: "StatusTokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Requests_SubmissionKey", table: "Requests", column: "SubmissionKey", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AuditEvents");
        migrationBuilder.DropTable(name: "Notices");
        migrationBuilder.DropTable(name: "RequestDocuments");
        migrationBuilder.DropTable(name: "RequestItems");
        migrationBuilder.DropTable(name: "Requests");
    }
}
