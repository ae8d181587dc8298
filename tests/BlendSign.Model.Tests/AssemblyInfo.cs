// Every test here trains or runs a network on a shared 2-core machine; running them one at a time keeps each
// fast and leaves libtorch's process-wide settings (threads, seed) to one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
