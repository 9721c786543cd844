import HeraldCore
import Prometheus
import Synchronization

/// Per-link health gauges in `/metrics`, refreshed from the carrier gateway at every scrape:
///
/// | Gauge | Meaning |
/// | --- | --- |
/// | `herald_carrier_link_up{link}` | 1 while at least one bind is bound |
/// | `herald_carrier_link_binds_bound{link}`, `herald_carrier_link_binds_configured{link}` | binds |
/// | `herald_carrier_link_binds_held{link}` | binds this node holds the lease of (keeps open); in a cluster the nodes' values add up to at most the configured binds |
/// | `herald_carrier_link_throttled{link}` | 1 after ESME_RTHROTTLED / ESME_RMSGQFUL (2 s memory) |
/// | `herald_carrier_link_error_rate{link}` | share of recent submissions that failed (0-1, EWMA) |
/// | `herald_carrier_link_latency_seconds{link}` | recent submit_sm → submit_sm_resp latency (EWMA) |
/// | `herald_carrier_link_transmits{link}` | 0 for receiver-only links (no traffic is routed to them) |
final class LinkHealthGauges: Sendable {
    private struct Gauges: Sendable {
        let up: Gauge
        let bindsBound: Gauge
        let bindsConfigured: Gauge
        let bindsHeld: Gauge
        let throttled: Gauge
        let errorRate: Gauge
        let latency: Gauge
        let transmits: Gauge
    }

    private let registry: PrometheusCollectorRegistry
    /// Gauges by link id, created when a link is first seen (operators add links while Herald runs).
    private let gauges = Mutex<[String: Gauges]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    private func makeGauges(link id: String) -> Gauges {
        let labels = [("link", id)]
        func gauge(_ name: String, unit: String = "", _ help: String) -> Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(namespace: "herald", subsystem: "carrier_link", metricName: name, unitName: unit, helpText: help),
                labels: labels)
        }
        return Gauges(
            up: gauge("up", "1 while at least one bind of the carrier link is bound"),
            bindsBound: gauge("binds_bound", "Binds of the carrier link currently bound"),
            bindsConfigured: gauge("binds_configured", "Binds configured for the carrier link"),
            bindsHeld: gauge("binds_held", "Binds of the carrier link this node holds the lease of and keeps open"),
            throttled: gauge("throttled", "1 while the carrier link is backing off after a throttling answer"),
            errorRate: gauge("error_rate", "Share of recent submissions on the link that failed (0-1, exponentially weighted)"),
            latency: gauge("latency", unit: "seconds", "Recent submit_sm to submit_sm_resp latency of the link (exponentially weighted)"),
            transmits: gauge("transmits", "1 when traffic may be routed to the link, 0 for receiver-only links"))
    }

    /// Sets every gauge from the current link statuses and the binds this node holds; a link taken out of
    /// service reads as down with no binds.
    func update(_ statuses: [String: LinkStatus], transmitting: Set<String>, held: [String: Int]) {
        gauges.withLock { gauges in
            for id in statuses.keys where gauges[id] == nil { gauges[id] = makeGauges(link: id) }
            for (id, gauge) in gauges {
                let status = statuses[id] ?? LinkStatus(isUp: false, bindsUp: 0, bindsConfigured: 0)
                gauge.up.set(status.isUp ? 1.0 : 0.0)
                gauge.bindsBound.set(Double(status.bindsUp))
                gauge.bindsConfigured.set(Double(status.bindsConfigured))
                gauge.bindsHeld.set(Double(held[id] ?? 0))
                gauge.throttled.set(status.isThrottled ? 1.0 : 0.0)
                gauge.errorRate.set(status.errorRate)
                gauge.latency.set(status.latencyMilliseconds / 1000)
                gauge.transmits.set(transmitting.contains(id) ? 1.0 : 0.0)
            }
        }
    }
}
