using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlendSign.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDecisionsAndAblations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AblationGroup",
                table: "TrainingRuns",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResumeCount",
                table: "TrainingRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Variant",
                table: "TrainingRuns",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SliceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoldSnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultSnapshotId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OldLabel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NewLabel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RereadCompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_GoldSnapshots_GoldSnapshotId",
                        column: x => x.GoldSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_GoldSnapshots_ResultSnapshotId",
                        column: x => x.ResultSnapshotId,
                        principalTable: "GoldSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_Slices_SliceId",
                        column: x => x.SliceId,
                        principalTable: "Slices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewDecisions_TrainingRuns_TrainingRunId",
                        column: x => x.TrainingRunId,
                        principalTable: "TrainingRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRuns_AblationGroup",
                table: "TrainingRuns",
                column: "AblationGroup");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_GoldSnapshotId",
                table: "ReviewDecisions",
                column: "GoldSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_ResultSnapshotId",
                table: "ReviewDecisions",
                column: "ResultSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_SliceId",
                table: "ReviewDecisions",
                column: "SliceId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewDecisions_TrainingRunId_SliceId",
                table: "ReviewDecisions",
                columns: new[] { "TrainingRunId", "SliceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewDecisions");

            migrationBuilder.DropIndex(
                name: "IX_TrainingRuns_AblationGroup",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "AblationGroup",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "ResumeCount",
                table: "TrainingRuns");

            migrationBuilder.DropColumn(
                name: "Variant",
                table: "TrainingRuns");
        }
    }
}
