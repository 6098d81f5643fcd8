"""The Qt layer: the only package that imports PySide6. It presents the core and holds no logic of its own."""
