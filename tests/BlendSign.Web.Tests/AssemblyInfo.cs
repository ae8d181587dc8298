// Several tests here train a network on a shared 2-core machine; one at a time keeps each fast and leaves
// libtorch's process-wide settings (threads, seed) to one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
