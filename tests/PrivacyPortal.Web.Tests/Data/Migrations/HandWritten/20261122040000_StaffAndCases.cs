using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>
/// Staff accounts (ASP.NET Core Identity's tables), controller assignments, the administration trail, and what
/// officers record on a case: identity, fee, pauses, extension, decision, notes, assignee.
/// </summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122040000_StaffAndCases")]
public sealed class StaffAndCases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIdentityTables(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "StaffAssignments",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                ControllerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffAssignments", x => new { x.UserId, x.ControllerId });
                table.ForeignKey("FK_StaffAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_StaffAssignments_DataControllers_ControllerId", x => x.ControllerId, "DataControllers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_StaffAssignments_ControllerId", "StaffAssignments", "ControllerId");

        migrationBuilder.CreateTable(
            name: "AdminAuditEvents",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AdminAuditEvents", x => x.Id));
        migrationBuilder.CreateIndex("IX_AdminAuditEvents_AtUtc", "AdminAuditEvents", "AtUtc");

        migrationBuilder.AddColumn<string>(name: "ControllerId", table: "Requests", type: "TEXT", maxLength: 64, nullable: false, defaultValue: string.Empty);
        migrationBuilder.Sql("UPDATE \"Requests\" SET \"ControllerId\" = (SELECT \"DataControllerId\" FROM \"Policies\" WHERE \"Policies\".\"Id\" = \"Requests\".\"PolicyId\");");
        migrationBuilder.AddColumn<string>(name: "AssignedTo", table: "Requests", type: "TEXT", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "IdentityVerifiedAtUtc", table: "Requests", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Fee_Status", table: "Requests", type: "TEXT", maxLength: 40, nullable: false, defaultValue: "NotRequested");
        migrationBuilder.AddColumn<long>(name: "Fee_AmountMinor", table: "Requests", type: "INTEGER", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Fee_Currency", table: "Requests", type: "TEXT", maxLength: 3, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "Fee_RequestedOn", table: "Requests", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "Fee_PayBy", table: "Requests", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "Fee_PaidOn", table: "Requests", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Fee_PaymentMethod", table: "Requests", type: "TEXT", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Fee_ReceiptNumber", table: "Requests", type: "TEXT", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Fee_WaiverReason", table: "Requests", type: "TEXT", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "Extended", table: "Requests", type: "INTEGER", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "ExtensionReasons", table: "Requests", type: "TEXT", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Outcome", table: "Requests", type: "TEXT", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<string>(name: "DecisionReasons", table: "Requests", type: "TEXT", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "DecidedAtUtc", table: "Requests", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>(name: "DecisionGrounds", table: "Requests", type: "TEXT", maxLength: 1000, nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>(name: "Pauses", table: "Requests", type: "TEXT", nullable: false, defaultValue: "[]");
        migrationBuilder.CreateIndex("IX_Requests_ControllerId_Status_DueOn_Reference", "Requests", ["ControllerId", "Status", "DueOn", "Reference"]);
        migrationBuilder.CreateIndex(
            "IX_Requests_Open_ControllerId_DueOn_Reference", "Requests", ["ControllerId", "DueOn", "Reference"],
            filter: "\"Status\" IN ('Received', 'AwaitingIdentity', 'AwaitingFee', 'InReview')");
        migrationBuilder.CreateIndex("IX_Requests_AssignedTo_DueOn", "Requests", ["AssignedTo", "DueOn"]);
        migrationBuilder.AddColumn<string>(name: "Detail", table: "Notices", type: "TEXT", maxLength: 2000, nullable: true);

        migrationBuilder.CreateTable(
            name: "CaseNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseNotes", x => x.Id);
                table.ForeignKey("FK_CaseNotes_Requests_RequestId", x => x.RequestId, "Requests", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CaseNotes_RequestId", "CaseNotes", "RequestId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CaseNotes");
        migrationBuilder.DropIndex(name: "IX_Requests_ControllerId_Status_DueOn_Reference", table: "Requests");
        migrationBuilder.DropIndex(name: "IX_Requests_Open_ControllerId_DueOn_Reference", table: "Requests");
        migrationBuilder.DropIndex(name: "IX_Requests_AssignedTo_DueOn", table: "Requests");
        foreach (var column in new[]
        {
            "ControllerId", "AssignedTo", "IdentityVerifiedAtUtc", "Fee_Status", "Fee_AmountMinor", "Fee_Currency", "Fee_RequestedOn", "Fee_PayBy", "Fee_PaidOn",
            "Fee_PaymentMethod", "Fee_ReceiptNumber", "Fee_WaiverReason", "Extended", "ExtensionReasons", "Outcome", "DecisionReasons", "DecidedAtUtc", "DecisionGrounds", "Pauses",
        })
        {
            migrationBuilder.DropColumn(name: column, table: "Requests");
        }

        migrationBuilder.DropColumn(name: "Detail", table: "Notices");
        migrationBuilder.DropTable(name: "AdminAuditEvents");
        migrationBuilder.DropTable(name: "StaffAssignments");
        foreach (var table in new[] { "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "AspNetRoles", "AspNetUsers" })
        {
            migrationBuilder.DropTable(name: table);
        }
    }

    /// <summary>ASP.NET Core Identity's schema (version 1), as its model describes it.</summary>
    private static void CreateIdentityTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", x => x.Id));
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(type: "TEXT", nullable: false),
                DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", x => x.Id));
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                RoleId = table.Column<string>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                ClaimValue = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                RoleId = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }
}
