using System.Collections;
using AIOps.Kafka;
using AIOps.Server.Composition;
using AIOps.Server.Configuration;
using AIOps.Server.Options;

namespace AIOps.Server.Tests.Deploy;

/// <summary>deploy/kubernetes: every manifest parses, and names, ports, settings and the rules agree with each other and the code.</summary>
public sealed class KubernetesManifestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aiops-k8s-").FullName;
    private readonly List<Dictionary<object, object>> _all;

    public KubernetesManifestTests()
    {
        _all = [.. Directory.GetFiles(Manifests.Path("deploy", "kubernetes"), "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)).SelectMany(Manifests.LoadAll)];
    }

    private Dictionary<object, object> Deployment => Single("Deployment");

    private Dictionary<object, object> Container => Assert.IsType<Dictionary<object, object>>(Assert.Single(Manifests.List(Deployment, "spec", "template", "spec", "containers")));

    private Dictionary<object, object> PodLabels => Manifests.Map(Deployment, "spec", "template", "metadata", "labels");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Kustomization_ListsEveryManifest()
    {
        var kustomization = Manifests.Load(Manifests.Path("deploy", "kubernetes", "kustomization.yaml"));
        var files = Directory.GetFiles(Manifests.Path("deploy", "kubernetes"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");

        Assert.Equal(files.Order(), Manifests.List(kustomization, "resources").Cast<string>().Order());
    }

    [Fact]
    public void Manifests_HaveTheRequiredKinds()
    {
        var kinds = _all.Select(d => $"{Manifests.Text(d, "apiVersion")}/{Manifests.Text(d, "kind")}").Order();

        Assert.Equal(["apps/v1/Deployment", "keda.sh/v1alpha1/ScaledObject", "policy/v1/PodDisruptionBudget", "v1/ConfigMap", "v1/ConfigMap", "v1/Service"], kinds);
    }

    [Fact]
    public void Deployment_ImageIsTheComposeEngineImage()
    {
        var compose = Manifests.Load(Manifests.Path("deploy", "docker-compose.yml"));

        Assert.Equal(Manifests.Text(compose, "services", "engine", "image"), Manifests.Text(Container, "image"));
    }

    [Fact]
    public void Settings_WithTheDeploymentEnvironment_AreAValidConfiguration()
    {
        var settings = Path.Combine(_dir, "appsettings.json");
        File.WriteAllText(settings, Manifests.Text(ConfigMap("aiops-settings"), "data", "appsettings.json"));
        var environment = DeploymentEnvironment();
        var rules = (string)environment[ConfigurationKeys.EnvironmentVariable(ConfigurationKeys.RulesDirectory)]!;
        environment.Remove(ConfigurationKeys.EnvironmentVariable(ConfigurationKeys.RulesDirectory)); // a pod path, not here

        var sut = EngineConfiguration.Load(settings, null, environment);

        Assert.Equal(MountPath("rules"), rules);
        Assert.Equal(["serve", "--config", MountPath("settings")], Manifests.List(Container, "args").Cast<string>());
        Assert.Equal(MountPath("data"), sut.DataDirectory);
        Assert.Equal(Manifests.PortOf(sut.Urls), int.Parse(Manifests.Text(Container, "ports", 0, "containerPort"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(KafkaDefaults.GroupId, sut.Kafka.GroupId);
        Assert.Equal(TelemetryDefaults.PrometheusPath, Manifests.Text(Deployment, "spec", "template", "metadata", "annotations", "prometheus.io/path"));
        Assert.Equal(Manifests.PortOf(sut.Urls).ToString(System.Globalization.CultureInfo.InvariantCulture), Manifests.Text(Deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"));
    }

    [Fact]
    public void RulesConfigMap_IsTheShippedTopologyAndLoads()
    {
        var topology = Manifests.Text(ConfigMap("aiops-rules"), "data", "topology.yaml");
        File.WriteAllText(Path.Combine(_dir, "topology.yaml"), topology);

        Assert.Equal(File.ReadAllText(Manifests.Path("rules", "topology.yaml")).ReplaceLineEndings("\n"), topology.ReplaceLineEndings("\n"));
        Assert.Equal(EngineComposition.LoadTopology(Manifests.Path("rules")).Edges().Count, EngineComposition.LoadTopology(_dir).Edges().Count);
        Assert.True(EngineComposition.LoadTopology(_dir).Contains("payments-db"));
    }

    [Fact]
    public void Service_SelectsThePodsAndTargetsTheHttpPort()
    {
        var service = Single("Service");

        AssertSubset(Manifests.Map(service, "spec", "selector"), PodLabels);
        Assert.Equal(Manifests.Text(Container, "ports", 0, "name"), Manifests.Text(service, "spec", "ports", 0, "targetPort"));
        Assert.Equal(Manifests.Text(Container, "ports", 0, "containerPort"), Manifests.Text(service, "spec", "ports", 0, "port"));
        Assert.Equal("/healthz", Manifests.Text(Container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("http", Manifests.Text(Container, "livenessProbe", "httpGet", "port"));
    }

    [Fact]
    public void ScaledObject_ScalesTheDeploymentOnTheEngineGroupLag()
    {
        var scaled = Single("ScaledObject");
        var trigger = Manifests.Map(scaled, "spec", "triggers", 0);
        var environment = DeploymentEnvironment();

        Assert.Equal(Manifests.Text(Deployment, "metadata", "name"), Manifests.Text(scaled, "spec", "scaleTargetRef", "name"));
        Assert.Equal("kafka", Manifests.Text(trigger, "type"));
        Assert.Equal(environment[ConfigurationKeys.EnvironmentVariable(ConfigurationKeys.GroupId)], Manifests.Text(trigger, "metadata", "consumerGroup"));
        Assert.Equal(environment[ConfigurationKeys.EnvironmentVariable(ConfigurationKeys.BootstrapServers)], Manifests.Text(trigger, "metadata", "bootstrapServers"));
        Assert.True(int.Parse(Manifests.Text(trigger, "metadata", "lagThreshold"), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // More replicas than input partitions would sit idle: the stack creates 4 per topic.
        var max = int.Parse(Manifests.Text(scaled, "spec", "maxReplicaCount"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(max, 1, EngineDefaults.EmbeddedPartitions);
    }

    [Fact]
    public void PodDisruptionBudget_CoversTheEnginePods()
    {
        var pdb = Single("PodDisruptionBudget");

        AssertSubset(Manifests.Map(pdb, "spec", "selector", "matchLabels"), PodLabels);
        AssertSubset(Manifests.Map(Deployment, "spec", "selector", "matchLabels"), PodLabels);
        Assert.Equal("1", Manifests.Text(pdb, "spec", "maxUnavailable"));
    }

    [Fact]
    public void Environment_NamesOnlyRealSettingsEvenInComments()
    {
        var text = File.ReadAllText(Manifests.Path("deploy", "kubernetes", "deployment.yaml"));
        var names = System.Text.RegularExpressions.Regex.Matches(text, @"AIOPS_[A-Za-z0-9_.]+").Select(m => m.Value).Distinct().ToList();

        Assert.True(names.Count >= 5);
        Assert.All(Manifests.KeysOf(new Hashtable(names.ToDictionary(n => n, _ => "x"))), key => Assert.True(Manifests.IsKnownKey(key), key));
    }

    private Hashtable DeploymentEnvironment() =>
        new(Manifests.List(Container, "env").ToDictionary(e => Manifests.Text(e, "name"), e => Manifests.Text(e, "value")));

    private string MountPath(string volume) =>
        Manifests.List(Container, "volumeMounts").Select(m => Assert.IsType<Dictionary<object, object>>(m)).Single(m => Manifests.Text(m, "name") == volume)["mountPath"].ToString()!;

    private Dictionary<object, object> Single(string kind) => Assert.Single(_all, d => Manifests.Text(d, "kind") == kind);

    private Dictionary<object, object> ConfigMap(string name) =>
        Assert.Single(_all, d => Manifests.Text(d, "kind") == "ConfigMap" && Manifests.Text(d, "metadata", "name") == name);

    private static void AssertSubset(Dictionary<object, object> selector, Dictionary<object, object> labels) =>
        Assert.All(selector, pair => Assert.Equal(pair.Value, labels.GetValueOrDefault(pair.Key)));
}
