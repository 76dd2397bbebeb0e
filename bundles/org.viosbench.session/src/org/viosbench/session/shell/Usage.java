package org.viosbench.session.shell;

/** The usage texts the commands print when mistyped (approximate: modelled on the syntax IBM documents). */
final class Usage {
    private Usage() {
    }

    static final String CLUSTER = """
            Usage: cluster -status [-clustername ClusterName] [-field FieldName ...] [-fmt Delimiter] [-verbose]
                   cluster -list [-field FieldName ...] [-fmt Delimiter]
            """;

    static final String LSCLUSTER = """
            Usage: lscluster -m | -c | -i | -s | -d
                   -m  list the nodes and their state
                   -c  list the cluster configuration
                   -i  list the interfaces of every node
                   -s  list the cluster network statistics of this node
                   -d  list the cluster's storage interfaces
            """;

    static final String LSMAP = """
            Usage: lsmap {-vadapter ServerVirtualAdapter | -all}
            """;

    static final String LU = """
            Usage: lu -list [-fmt Delimiter]
            """;

    static final String LSSP = """
            Usage: lssp [-clustername ClusterName]
            """;

    static final String CLSTARTSTOP = """
            Usage: clstartstop {-start | -stop} -n ClusterName -m Node[,Node...]
            """;

    static final String HELP = """
            Commands of this simulated VIOS (docs/vios-shell.md):
              cluster -status [-clustername N] [-verbose] [-fmt D]    the cluster's and its nodes' health
              cluster -list [-field F ...] [-fmt D]                  the cluster's name and id
              lscluster -m | -c | -i | -s | -d                       nodes, configuration, interfaces, kcluster statistics, disks
              lsmap -all | -vadapter vhostN                          this VIOS's virtual SCSI mappings
              lu -list [-fmt D]                                      the shared storage pool's logical units
              lssp [-clustername N]                                  the shared storage pool
              clstartstop -stop|-start -n CLUSTER -m NODE[,NODE]     stop or start cluster services on nodes
              history                                                the commands run so far
            """;
}
