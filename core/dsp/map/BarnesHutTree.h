// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A quadtree over 2-D points for t-SNE's repulsive forces (Barnes and Hut 1986; van der
// Maaten 2014). Each cell stores its centre of mass and count; a cell whose width w seen
// from point i at squared distance d2 satisfies w^2 / d2 < angle^2 stands for all its
// points, and leaves (one point, or points that could not be split further) are summed
// exactly, never counting i itself.
//
// repulsion(i) returns, for the Student-t kernel q = 1 / (1 + d^2),
//   z = sum_{j != i} q_ij  and  f = sum_{j != i} q_ij^2 (y_i - y_j)
// (approximated as above). Building costs O(n log n); one query O(log n) cells on typical
// layouts. Queries are const and may run on several threads at once.
#include <vector>

namespace dsp {

class BarnesHutTree
{
public:
    /// Builds the tree of n points stored as x0, y0, x1, y1, ... (kept by reference).
    BarnesHutTree(const double* xy, int n);

    struct Repulsion
    {
        double z = 0.0;
        double fx = 0.0;
        double fy = 0.0;
    };
    [[nodiscard]] Repulsion repulsion(int i, double angle) const;

private:
    struct Cell
    {
        double comX = 0.0, comY = 0.0; ///< centre of mass
        double width = 0.0;            ///< side length
        int count = 0;
        int firstChild = -1; ///< four consecutive cells, or -1 for a leaf
        int begin = 0, end = 0; ///< the cell's points: m_order[begin, end)
    };
    void build(int cell, double cx, double cy, double width, int depth);

    const double* m_xy;
    std::vector<int> m_order;
    std::vector<Cell> m_cells;
};

} // namespace dsp
