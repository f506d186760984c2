"""The swimlane map on screen: the shared geometry drawn on a QGraphicsScene, with overlays,
zoom/pan/fit, click-to-edit, drag to another lane and lane reordering."""
