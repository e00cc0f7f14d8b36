"""Reads Liner's graph exports with networkx and recomputes their metrics, as an independent check.

Usage: python3 tools/networkx_check.py FILE...   (.graphml, .gexf, or node-link .json)
Prints one JSON object: for each file its node and edge counts, and, where the nodes carry them, the largest
difference between the exported PageRank / betweenness and networkx's own. Exits 3 when networkx is missing.
"""

import json
import math
import os
import sys

try:
    import networkx as nx
    from networkx.readwrite import gexf as gexf_module
    from networkx.readwrite import json_graph
except ImportError:
    print("networkx is not installed (Debian: apt-get install -y python3-networkx)", file=sys.stderr)
    sys.exit(3)

# The same settings as Liner's PAGERANK_OPTIONS, converged far past the 1e-6 the exports are compared at.
PAGERANK = {"alpha": 0.85, "weight": "weight", "tol": 1e-12, "max_iter": 1000}


def allow_gexf_13():
    """networkx before 3.0 (Debian 12 ships 2.8.8) predates GEXF 1.3's namespace; the elements Liner writes are 1.2's."""
    if "1.3" in gexf_module.GEXF.versions:
        return
    version = dict(gexf_module.GEXF.versions["1.2draft"])
    version.update(
        NS_GEXF="http://gexf.net/1.3",
        NS_VIZ="http://gexf.net/1.3/viz",
        SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        VERSION="1.3",
    )
    gexf_module.GEXF.versions["1.3"] = version


def read(path):
    if path.endswith(".graphml"):
        return nx.read_graphml(path)
    if path.endswith(".gexf"):
        allow_gexf_13()
        return nx.read_gexf(path, version="1.3")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:  # networkx 3.4+ names the edge list's key; older ones always read "links"
        return json_graph.node_link_graph(data, edges="links")
    except TypeError:
        return json_graph.node_link_graph(data)


def largest_difference(graph, attribute, expected):
    return max((abs(graph.nodes[n][attribute] - expected[n]) for n in graph.nodes), default=0.0)


def check(path):
    graph = read(path)
    report = {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
    }
    if graph.number_of_nodes() > 0 and all("pagerank" in d for _, d in graph.nodes(data=True)):
        ours = nx.pagerank(graph, **PAGERANK)
        report["pagerank"] = {
            "maxDifference": largest_difference(graph, "pagerank", ours),
            "sum": math.fsum(ours.values()),
            "top": sorted(([n, s] for n, s in ours.items()), key=lambda p: (-p[1], p[0]))[:5],
        }
    # networkx counts a shortest path once however many parallel edges it may take, so only simple graphs compare.
    if not graph.is_multigraph() and graph.number_of_nodes() > 0 and all("betweenness" in d for _, d in graph.nodes(data=True)):
        ours = nx.betweenness_centrality(graph, normalized=True, weight=None)
        report["betweenness"] = {"maxDifference": largest_difference(graph, "betweenness", ours)}
    return report


def main(paths):
    result = {"networkx": nx.__version__, "files": {os.path.basename(p): check(p) for p in paths}}
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
