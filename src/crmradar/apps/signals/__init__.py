"""Early-warning signals: export controls, sanctions, price moves, plant openings/closures and policy changes,
matched to the materials, technologies, chains and organisations of the region they affect."""
