using BlendSign.Model.Training;
using BlendSign.Web.Features.Training;

namespace BlendSign.Web.Tests.Features.Training;

public class TrainingOptionsSectionTests
{
    [Fact]
    public void Keys_ModelAndWorkerOptionsOfBlendSignTraining_NeverShareAKey()
    {
        var model = typeof(TrainingOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);
        var worker = typeof(TrainingWorkerOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);

        Assert.Equal(TrainingOptions.SectionName, TrainingWorkerOptions.SectionName);
        Assert.Empty(model.Intersect(worker, StringComparer.OrdinalIgnoreCase));
    }
}
