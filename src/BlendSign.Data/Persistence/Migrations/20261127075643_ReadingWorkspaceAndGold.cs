using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlendSign.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadingWorkspaceAndGold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GoldSnapshotId",
                table: "TrainingRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Adjudications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Adjudications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Adjudications_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: true),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GoldSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SliceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NonIchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NormalIchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BlendSignCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UnresolvedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScanAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScanId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanAssignments_AspNetUsers_RaterId",
                        column: x => x.RaterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScanAssignments_Scans_ScanId",
                        column: x => x.ScanId,
                        principalTable: "Scans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoldSnapshotBoxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GoldSnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CenterX = table.Column<double>(type: "REAL", nullable: false),
                    CenterY = table.Column<double>(type: "REAL", nullable: false),
                    Left = table.Column<double>(type: "REAL", nullable: false),
                    Top = table.Column<double>(type: "REAL", nullable: false),
                    Right = table.Column<double>(type: "REAL", nullable: false),
                    Bottom = table.Column<double>(type: "REAL", nullable: false),
                    Support = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldSnapshotBoxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotBoxes_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotBoxes_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoldSnapshotEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GoldSnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldSnapshotEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotEntries_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoldSnapshotEntries_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_GoldSnapshotId",
                table: "TrainingRuns",
                column: "GoldSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Adjudications_SliceId",
                table: "Adjudications",
                column: "SliceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_At",
                table: "AuditEntries",
                columns: new[] { "Entity", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SliceId",
                table: "AuditEntries",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotBoxes_GoldSnapshotId_SliceId",
                table: "GoldSnapshotBoxes",
                columns: new[] { "GoldSnapshotId", "SliceId" });

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotBoxes_SliceId",
                table: "GoldSnapshotBoxes",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotEntries_GoldSnapshotId_SliceId",
                table: "GoldSnapshotEntries",
                columns: new[] { "GoldSnapshotId", "SliceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshotEntries_SliceId",
                table: "GoldSnapshotEntries",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoldSnapshots_ContentHash",
                table: "GoldSnapshots",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScanAssignments_RaterId",
                table: "ScanAssignments",
                column: "RaterId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanAssignments_ScanId_RaterId",
                table: "ScanAssignments",
                columns: new[] { "ScanId", "RaterId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_TrainingRuns_GoldSnapshots_GoldSnapshotId",
                table: "TrainingRuns",
                column: "GoldSnapshotId",
                principalTable: "GoldSnapshots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropForeignKey(
                name: "FK_TrainingRuns_GoldSnapshots_GoldSnapshotId",
                table: "TrainingRuns");

            migrationBuilder.DropTable(
                name: "Adjudications");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "GoldSnapshotBoxes");

            migrationBuilder.DropTable(
                name: "GoldSnapshotEntries");

            migrationBuilder.DropTable(
                name: "ScanAssignments");

            migrationBuilder.DropTable(
                name: "GoldSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_TrainingRuns_GoldSnapshotId",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "GoldSnapshotId",
                table: "TrainingRuns");
        }
    }
}
