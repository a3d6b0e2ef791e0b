"""Runners drive the stage functions over many inputs: ``local`` on one machine."""
